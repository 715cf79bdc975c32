package io.newsflow.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka behaviour shared by every Newsflow service: a {@code kafka} health indicator for readiness, and one error
 * handler that retries transient failures a bounded number of times and then dead-letters the record with its
 * reason, so that a poison message never blocks its partition. Spring Boot applies a {@link CommonErrorHandler} bean
 * to its auto-configured listener container factory.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producerFactory) {
        var backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(250);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(4_000);
        var handler = new DefaultErrorHandler(deadLetterRecoverer(producerFactory), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    private static DeadLetterPublishingRecoverer deadLetterRecoverer(ProducerFactory<Object, Object> producerFactory) {
        // A record that could not be deserialized reaches the recoverer as its original bytes: publish those
        // unchanged; everything else is an event object and goes through the configured JSON serializer.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(
                byte[].class,
                new KafkaTemplate<>(
                        producerFactory,
                        Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        templates.put(Object.class, new KafkaTemplate<>(producerFactory));
        return new DeadLetterPublishingRecoverer(templates, DeadLetters::destination);
    }
}
