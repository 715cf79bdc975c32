package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@Import(NewsflowTestInfrastructure.class)
class NewsflowTestInfrastructureTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {}

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    ConsumerFactory<String, String> consumerFactory;

    @Autowired
    ElasticsearchClient elasticsearchClient;

    @Test
    void sendsAndReceivesThroughTheSharedKafka() throws Exception {
        String topic = "test-support-" + UUID.randomUUID();
        kafkaTemplate.send(topic, "article-1", "peacekeeping").get();

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (Consumer<String, String> consumer =
                consumerFactory.createConsumer("test-support-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                assertThat(received).isNotEmpty();
            });
        }
        assertThat(received.getFirst().key()).isEqualTo("article-1");
        assertThat(received.getFirst().value()).isEqualTo("peacekeeping");
        assertThat(kafkaTemplate
                        .getProducerFactory()
                        .getConfigurationProperties()
                        .get("bootstrap.servers"))
                .asString()
                .contains(TestInfrastructure.get().kafkaBootstrapServers());
    }

    @Test
    void reachesTheSharedElasticsearch() throws Exception {
        HealthStatus status = elasticsearchClient.cluster().health().status();

        assertThat(status).isIn(HealthStatus.Green, HealthStatus.Yellow);
    }
}
