package io.newsflow.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with the shared security and nothing else: no Kafka, so tokens are its only credentials. No component
 * scan: the module's own controllers come only with its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        exclude = KafkaAutoConfiguration.class,
        excludeName = "io.newsflow.kafka.KafkaSupportAutoConfiguration")
@Import(TestSecuredApplication.Things.class)
class TestSecuredApplication {

    @Bean
    SimpleMeterRegistry meters() {
        return new SimpleMeterRegistry();
    }

    @RestController
    static class Things {

        @GetMapping("/api/v1/things")
        String read() {
            return "{\"caller\":\"" + Caller.current().id() + "\"}";
        }

        @PostMapping("/api/v1/things")
        String write() {
            return "{}";
        }

        @GetMapping("/api/v1/admin/things")
        String admin() {
            return "{}";
        }
    }
}
