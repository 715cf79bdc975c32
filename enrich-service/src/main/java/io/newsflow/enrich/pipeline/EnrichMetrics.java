package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.kafka.DeadLetterListener;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * {@code newsflow.enrich.articles} counts articles by {@code outcome}: {@code enriched} (published to the enriched
 * topic) or {@code dead-lettered} (on the raw topic's dead-letter topic, told by the shared error handler);
 * {@code newsflow.enrich.duration} times one article from the reception of its poll until Kafka acknowledged its
 * enriched event (the listener sends a poll's events together and waits for them together).
 * Both outcomes are registered at start, so that a rate of dead letters is 0 rather than absent.
 */
@Component
class EnrichMetrics implements DeadLetterListener {

    static final String ARTICLES = "newsflow.enrich.articles";
    static final String DURATION = "newsflow.enrich.duration";

    private final Counter enriched;
    private final Counter deadLettered;
    private final Timer duration;

    EnrichMetrics(MeterRegistry registry) {
        this.enriched = outcome(registry, "enriched");
        this.deadLettered = outcome(registry, "dead-lettered");
        this.duration = Timer.builder(DURATION)
                .description(
                        "Time from receiving the poll of an ingested article until its enriched event was acknowledged")
                .publishPercentileHistogram()
                .register(registry);
    }

    void enriched(Duration took) {
        enriched.increment();
        duration.record(took);
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, Exception reason) {
        deadLettered.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(ARTICLES)
                .description("Articles by outcome of their enrichment")
                .tag("outcome", outcome)
                .register(registry);
    }
}
