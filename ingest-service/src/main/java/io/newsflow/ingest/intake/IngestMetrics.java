package io.newsflow.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code newsflow.ingest.articles} counts articles by {@code outcome} and {@code reason} (the reason a rejected
 * article was refused, {@code none} otherwise); {@code newsflow.ingest.publish} times the publication of one article,
 * from handing its event to the producer until Kafka acknowledged it and its new state.
 */
@Component
public class IngestMetrics {

    public static final String ARTICLES = "newsflow.ingest.articles";
    public static final String PUBLISH = "newsflow.ingest.publish";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer publish;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publish = Timer.builder(PUBLISH)
                .description("Time from handing an article to the producer until Kafka acknowledged it")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void rejected(String reason) {
        count(Outcome.REJECTED, reason);
    }

    void counted(Outcome outcome) {
        count(outcome, "none");
    }

    void published(Duration latency) {
        publish.record(latency);
    }

    private void count(Outcome outcome, String reason) {
        counters.computeIfAbsent(outcome.json() + "/" + reason, key -> Counter.builder(ARTICLES)
                        .description("Submitted articles by outcome and rejection reason")
                        .tag("outcome", outcome.json())
                        .tag("reason", reason)
                        .register(registry))
                .increment();
    }
}
