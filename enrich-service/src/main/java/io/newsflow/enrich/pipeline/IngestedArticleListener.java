package io.newsflow.enrich.pipeline;

import io.newsflow.events.ArticleIngested;
import io.newsflow.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes ingested articles and publishes them enriched. The offset of a record is committed after this method
 * returns, and it returns only once Kafka acknowledged the enriched event: a crash in between means redelivery and,
 * since enrichment is deterministic, the same enriched event again.
 */
@Component
class IngestedArticleListener {

    private static final Logger log = LoggerFactory.getLogger(IngestedArticleListener.class);

    private final Enricher enricher;
    private final EnrichedArticlePublisher publisher;

    IngestedArticleListener(Enricher enricher, EnrichedArticlePublisher publisher) {
        this.enricher = enricher;
        this.publisher = publisher;
    }

    @KafkaListener(id = "enrich", topics = "${newsflow.topics.raw}", concurrency = "${newsflow.enrich.concurrency}")
    void onArticleIngested(ArticleIngested event) {
        validate(event);
        var enriched = enricher.enrich(event);
        publisher.publish(enriched);
        log.debug("Enriched article {} revision {}", event.articleId(), event.revision());
    }

    private static void validate(ArticleIngested event) {
        if (event.schemaVersion() != ArticleIngested.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schemaVersion " + event.schemaVersion());
        }
        if (event.articleId() == null
                || event.article() == null
                || event.article().title() == null) {
            throw new InvalidEventException("event lacks articleId, article or title");
        }
    }
}
