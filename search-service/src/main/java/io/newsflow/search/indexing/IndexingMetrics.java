package io.newsflow.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.kafka.DeadLetterListener;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Indexing meters: {@code newsflow.search.articles} by {@code outcome} ({@code indexed}: confirmed by Elasticsearch;
 * {@code failed}: in a batch that failed and will be read again; {@code dead-lettered}: on the dead-letter topic),
 * registered at start so that each rate exists from the first scrape; {@code newsflow.search.indexed} (its rate is
 * the indexing rate), {@code newsflow.search.batch.size}, {@code newsflow.search.batch.duration} (a histogram, from
 * which Prometheus computes the indexing latency's quantiles) and {@code newsflow.search.indexing.failures} by kind.
 * Consumer lag comes from the Kafka client's own meters ({@code kafka.consumer.fetch.manager.records.lag}, per
 * partition).
 */
@Component
class IndexingMetrics implements DeadLetterListener {

    static final String ARTICLES = "newsflow.search.articles";

    private final MeterRegistry registry;
    private final Counter indexed;
    private final Counter indexedOutcome;
    private final Counter failedOutcome;
    private final Counter deadLetteredOutcome;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexed = Counter.builder("newsflow.search.indexed")
                .description("Articles confirmed by Elasticsearch")
                .register(registry);
        this.indexedOutcome = outcome("indexed");
        this.failedOutcome = outcome("failed");
        this.deadLetteredOutcome = outcome("dead-lettered");
        this.batchSize = DistributionSummary.builder("newsflow.search.batch.size")
                .description("Articles per indexed batch")
                .publishPercentileHistogram()
                .register(registry);
        this.batchDuration = Timer.builder("newsflow.search.batch.duration")
                .description("Time to index one batch")
                .publishPercentileHistogram()
                .register(registry);
    }

    void indexed(int articles, long nanos) {
        indexed.increment(articles);
        indexedOutcome.increment(articles);
        batchSize.record(articles);
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A batch of this many articles failed and will be read again. */
    void batchFailed(int articles) {
        failedOutcome.increment(articles);
    }

    void failed(String kind) {
        Counter.builder("newsflow.search.indexing.failures")
                .description("Indexing failures by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, Exception reason) {
        deadLetteredOutcome.increment();
    }

    private Counter outcome(String outcome) {
        return Counter.builder(ARTICLES)
                .description("Articles by outcome of their indexing")
                .tag("outcome", outcome)
                .register(registry);
    }
}
