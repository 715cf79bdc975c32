package io.newsflow.ingest.publishing;

import io.newsflow.events.ArticleIngested;
import io.newsflow.events.EventHeaders;
import io.newsflow.ingest.IngestProperties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes ingested articles to the raw topic, keyed by article id so that one article's revisions stay in order on
 * one partition. An article counts as accepted only once Kafka acknowledged its event (the producer runs with
 * {@code acks=all} and idempotence), which is what lets the API promise that an accepted article is never lost.
 */
@Component
public class ArticlePublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final String topic;

    ArticlePublisher(KafkaTemplate<String, Object> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topics().raw();
    }

    /**
     * Hands the event to the producer and returns at once; the future completes when Kafka acknowledged it. Many
     * events in flight at once share the producer's batches, which is what makes a batch request fast.
     */
    public CompletableFuture<Void> publishAsync(ArticleIngested event) {
        var record = new ProducerRecord<String, Object>(topic, event.articleId(), event);
        EventHeaders.of(ArticleIngested.TYPE, event.schemaVersion()).forEach(record.headers()::add);
        try {
            return kafka.send(record).thenApply(result -> null);
        } catch (RuntimeException e) {
            // a full buffer, a serialization failure: failed like any other send, so that its claim is released
            return CompletableFuture.failedFuture(e);
        }
    }
}
