package io.newsflow.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.DefaultIngestProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class IngestStateTopicTest {

    @Test
    void readsTheStateTopicWithTheConfiguredFetchWait() {
        var created = DefaultIngestProperties.newRecord();
        // never asked for a producer: nothing is recorded
        var producers = new DefaultKafkaProducerFactory<String, Object>(Map.of());
        var topic = new IngestStateTopic(
                DefaultIngestProperties.recordingConsumerFactory(created),
                producers,
                new Ledger(),
                DefaultIngestProperties.load());
        topic.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !created.isEmpty());
        } finally {
            topic.stop();
        }
        // application.yaml's newsflow.topics.max-fetch-wait: 5s, instead of Kafka's 500 ms
        assertThat(created.getFirst()).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5000);
    }
}
