package io.newsflow.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IndexingMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IndexingMetrics metrics = new IndexingMetrics(meters);

    @Test
    void everyOutcomeExistsFromTheStartAndCountsItsArticles() {
        assertThat(meters.get(IndexingMetrics.ARTICLES).counters())
                .hasSize(3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());

        metrics.indexed(3, TimeUnit.MILLISECONDS.toNanos(40));
        metrics.batchFailed(2);
        metrics.deadLettered(new ConsumerRecord<>("enriched", 0, 1L, "a-1", "event"), new IllegalStateException());

        assertThat(count("indexed")).isEqualTo(3);
        assertThat(count("failed")).isEqualTo(2);
        assertThat(count("dead-lettered")).isEqualTo(1);
        assertThat(meters.get("newsflow.search.batch.duration").timer().count()).isEqualTo(1);
    }

    private double count(String outcome) {
        return meters.get(IndexingMetrics.ARTICLES)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
