package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.newsflow.ingest.DefaultIngestProperties;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

class FetchStatusStoreTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsTheStatusTopicWithTheConfiguredFetchWait() {
        var created = DefaultIngestProperties.newRecord();
        var store = new FetchStatusStore(
                mock(KafkaTemplate.class),
                DefaultIngestProperties.recordingConsumerFactory(created),
                DefaultIngestProperties.load());
        store.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !created.isEmpty());
        } finally {
            store.stop();
        }
        assertThat(created.getFirst()).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5000);
    }
}
