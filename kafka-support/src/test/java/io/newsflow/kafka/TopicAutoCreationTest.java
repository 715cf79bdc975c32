package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** A consumer that starts before the owner of its topic must not have the broker create the topic its own way. */
class TopicAutoCreationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaSupportAutoConfiguration.class))
            .withPropertyValues(
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers());

    @Test
    void consumersOfTheServiceNeverCreateTheTopicTheyAskFor() {
        context.run(context -> {
            var topic = "not-auto-created-" + UUID.randomUUID();
            ConsumerFactory<?, ?> factory = context.getBean(ConsumerFactory.class);

            try (Consumer<?, ?> consumer = factory.createConsumer()) {
                assertThat(consumer.partitionsFor(topic, Duration.ofSeconds(10)))
                        .isEmpty();
            }

            assertThat(factory.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            assertThat(topics()).doesNotContain(topic);
        });
    }

    @Test
    void aConsumerWithKafkasDefaultsWouldHaveCreatedIt() {
        // The broker of the tests creates topics on demand, as a broker with default settings does.
        var topic = "auto-created-" + UUID.randomUUID();
        var factory = new DefaultKafkaConsumerFactory<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.StringDeserializer.class));

        try (var consumer = factory.createConsumer()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10));
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(topics()).contains(topic));
    }

    private static Set<String> topics() throws Exception {
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }
}
