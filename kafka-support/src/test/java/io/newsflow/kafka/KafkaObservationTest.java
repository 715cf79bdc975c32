package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.newsflow.testing.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/** Every template and listener container of a service is observed, which is what carries its traces over Kafka. */
class KafkaObservationTest {

    /** The contexts of the observations started, in order. */
    private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaSupportAutoConfiguration.class))
            .withBean(ObservationRegistry.class, this::registry)
            .withPropertyValues(
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
                    "spring.kafka.consumer.group-id=observed-" + UUID.randomUUID(),
                    "spring.kafka.consumer.auto-offset-reset=earliest");

    @Test
    void theTemplateObservesEverySendAndTheListenerContainersObserveWhatTheyReceive() {
        context.run(context -> {
            var topic = "observed-" + UUID.randomUUID();
            try (var admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.get().kafkaBootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get(10, TimeUnit.SECONDS);
            }
            KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
            template.send(topic, "article-1", "event").get(10, TimeUnit.SECONDS);

            assertThat(observed)
                    .filteredOn(KafkaRecordSenderContext.class::isInstance)
                    .singleElement()
                    .satisfies(sent -> assertThat(((KafkaRecordSenderContext) sent).getDestination())
                            .isEqualTo(topic));

            var factory = context.getBean(ConcurrentKafkaListenerContainerFactory.class);
            assertThat(factory.getContainerProperties().isObservationEnabled()).isTrue();
            var received = new CopyOnWriteArrayList<ConsumerRecord<?, ?>>();
            var container = factory.createContainer(topic);
            container.getContainerProperties().setMessageListener((MessageListener<Object, Object>) received::add);
            container.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
                assertThat(observed)
                        .filteredOn(KafkaRecordReceiverContext.class::isInstance)
                        .isNotEmpty();
            } finally {
                container.stop();
            }
        });
    }

    private ObservationRegistry registry() {
        var registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return registry;
    }
}
