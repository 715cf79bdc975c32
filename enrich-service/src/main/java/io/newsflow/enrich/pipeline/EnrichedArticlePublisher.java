package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.EventHeaders;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes enriched articles keyed by article id, and waits for Kafka's acknowledgement. */
@Component
class EnrichedArticlePublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final String topic;

    EnrichedArticlePublisher(KafkaTemplate<String, Object> kafka, EnrichProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topics().enriched();
    }

    void publish(ArticleEnriched event) {
        var record = new ProducerRecord<String, Object>(topic, event.articleId(), event);
        EventHeaders.of(ArticleEnriched.TYPE, event.schemaVersion()).forEach(record.headers()::add);
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing article " + event.articleId(), e);
        } catch (ExecutionException e) {
            // Retried by the error handler with backoff; the ingested event's offset is not committed meanwhile.
            throw new IllegalStateException("Kafka did not acknowledge enriched article " + event.articleId(), e);
        }
    }
}
