package io.newsflow.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Indexing meters: {@code newsflow.search.indexed} (its rate is the indexing rate), {@code
 * newsflow.search.batch.size}, {@code newsflow.search.batch.duration} and {@code newsflow.search.indexing.failures}
 * by kind. Consumer lag comes from the Kafka client's own meters ({@code kafka.consumer.fetch.manager.records.lag*}).
 */
@Component
class IndexingMetrics {

    private final MeterRegistry registry;
    private final Counter indexed;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexed = Counter.builder("newsflow.search.indexed")
                .description("Articles confirmed by Elasticsearch")
                .register(registry);
        this.batchSize = DistributionSummary.builder("newsflow.search.batch.size")
                .description("Articles per indexed batch")
                .register(registry);
        this.batchDuration = Timer.builder("newsflow.search.batch.duration")
                .description("Time to index one batch")
                .register(registry);
    }

    void indexed(int articles, long nanos) {
        indexed.increment(articles);
        batchSize.record(articles);
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String kind) {
        Counter.builder("newsflow.search.indexing.failures")
                .description("Indexing failures by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }
}
