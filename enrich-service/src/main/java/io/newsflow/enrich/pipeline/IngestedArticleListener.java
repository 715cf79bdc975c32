package io.newsflow.enrich.pipeline;

import io.newsflow.events.ArticleIngested;
import io.newsflow.kafka.InvalidEventException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes ingested articles and publishes them enriched. The offset of a record is committed after this method
 * returns, and it returns only once Kafka acknowledged the enriched event: a crash in between means redelivery and,
 * since enrichment is deterministic, the same enriched event again.
 *
 * <p>An event that breaks the constraints of {@link ArticleIngested} fails as an {@link InvalidEventException}, which
 * the shared error handler dead-letters with the violations as its reason, without retrying.
 */
@Component
class IngestedArticleListener {

    private static final Logger log = LoggerFactory.getLogger(IngestedArticleListener.class);

    private final Enricher enricher;
    private final EnrichedArticlePublisher publisher;
    private final Validator validator;
    private final EnrichMetrics metrics;

    IngestedArticleListener(
            Enricher enricher, EnrichedArticlePublisher publisher, Validator validator, EnrichMetrics metrics) {
        this.enricher = enricher;
        this.publisher = publisher;
        this.validator = validator;
        this.metrics = metrics;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id (newsflow-enrich), not this container's id
    @KafkaListener(
            id = "enrich",
            idIsGroup = false,
            topics = "${newsflow.topics.raw}",
            concurrency = "${newsflow.enrich.concurrency}")
    void onArticleIngested(ArticleIngested event) {
        var started = System.nanoTime();
        validate(event);
        var enriched = enricher.enrich(event);
        publisher.publish(enriched);
        metrics.enriched(Duration.ofNanos(System.nanoTime() - started));
        log.debug("Enriched article {} revision {}", event.articleId(), event.revision());
    }

    private void validate(ArticleIngested event) {
        var violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations.stream()
                    .map(IngestedArticleListener::describe)
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String describe(ConstraintViolation<ArticleIngested> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }
}
