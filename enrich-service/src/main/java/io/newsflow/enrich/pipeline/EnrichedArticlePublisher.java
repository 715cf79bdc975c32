package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.EventHeaders;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends enriched articles keyed by article id without waiting: the listener sends a whole poll, then waits for all
 * acknowledgements at once.
 */
@Component
class EnrichedArticlePublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final String topic;

    EnrichedArticlePublisher(KafkaTemplate<String, Object> kafka, EnrichProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topics().enriched();
    }

    /** Completes when Kafka acknowledged the event, exceptionally if it did not. */
    CompletableFuture<?> send(ArticleEnriched event) {
        var record = new ProducerRecord<String, Object>(topic, event.articleId(), event);
        EventHeaders.of(ArticleEnriched.TYPE, event.schemaVersion()).forEach(record.headers()::add);
        return kafka.send(record);
    }
}
