package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.newsflow.ingest.DefaultIngestProperties;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

class FeedStoreFetchWaitTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsTheFeedsTopicAndHoldsItsPartitionsWithTheConfiguredFetchWait() {
        var created = DefaultIngestProperties.newRecord();
        var store = new FeedStore(
                mock(KafkaTemplate.class),
                DefaultIngestProperties.recordingConsumerFactory(created),
                DefaultIngestProperties.load());
        store.start();
        try {
            // the view's reader and the group consumer that holds the feeds' partitions
            await().atMost(Duration.ofSeconds(10)).until(() -> created.size() >= 2);
        } finally {
            store.stop();
        }
        assertThat(created).allSatisfy(properties -> assertThat(properties)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5000));
    }
}
