package io.newsflow.enrich.pipeline;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.newsflow.events.ArticleIngested;
import io.newsflow.kafka.InvalidEventException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes ingested articles a poll at a time and publishes them enriched: every record of the poll is enriched and
 * its event sent without waiting, then the listener waits for all of Kafka's acknowledgements at once, so that a poll
 * costs one linger and one replication round trip instead of one per record. The poll's offsets are committed after
 * this method returns, and it returns only once every enriched event of the poll was acknowledged: a crash in between
 * means redelivery and, since enrichment is deterministic, the same enriched events again (at least once).
 *
 * <p>A record that fails, because it could not be deserialized, breaks the constraints of {@link ArticleIngested}
 * ({@link InvalidEventException}, with the violations as its reason) or could not be enriched or published, is
 * reported as a {@link BatchListenerFailedException} with its index, once the records before it were acknowledged:
 * the shared error handler commits those, retries the failing one unless it is invalid, dead-letters it with its
 * reason and redelivers the rest of the poll.
 */
@Component
class IngestedArticleListener {

    static final String ID = "enrich";
    static final String OBSERVATION = "newsflow.enrich";

    private static final Logger log = LoggerFactory.getLogger(IngestedArticleListener.class);
    private static final LogAccessor headerLog = new LogAccessor(IngestedArticleListener.class);
    private static final String ARTICLE_ID = "articleId";

    private final Enricher enricher;
    private final EnrichedArticlePublisher publisher;
    private final Validator validator;
    private final EnrichMetrics metrics;
    private final ObservationRegistry observations;

    IngestedArticleListener(
            Enricher enricher,
            EnrichedArticlePublisher publisher,
            Validator validator,
            EnrichMetrics metrics,
            ObservationRegistry observations) {
        this.enricher = enricher;
        this.publisher = publisher;
        this.validator = validator;
        this.metrics = metrics;
        this.observations = observations;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id (newsflow-enrich), not this container's id
    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "${newsflow.topics.raw}",
            batch = "true",
            concurrency = "${newsflow.enrich.concurrency}")
    void onArticlesIngested(List<ConsumerRecord<String, ArticleIngested>> records) {
        var started = System.nanoTime();
        var sent = new ArrayList<CompletableFuture<?>>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                sent.add(enrichAndSend(records.get(i)));
            } catch (RuntimeException e) {
                awaitAcknowledgements(sent, started);
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
        awaitAcknowledgements(sent, started);
    }

    private CompletableFuture<?> enrichAndSend(ConsumerRecord<String, ArticleIngested> record) {
        var unreadable = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, headerLog);
        if (unreadable != null) {
            // an ErrorHandlingDeserializer's failure: in a batch the listener is the one to report it
            throw unreadable;
        }
        var event = record.value();
        validate(event);
        // Each article's enrichment a span of the trace it came with, the parent of its enriched event's send: a
        // batch container observes records only before it calls the listener.
        var observation = Observation.createNotStarted(
                        OBSERVATION, () -> new KafkaRecordReceiverContext(record, ID, "", "", () -> ""), observations)
                .contextualName(record.topic() + " " + OBSERVATION);
        MDC.put(ARTICLE_ID, String.valueOf(record.key()));
        try {
            return observation.observe(() -> {
                var sending = publisher.send(enricher.enrich(event));
                log.debug("Enriched article {} revision {}", event.articleId(), event.revision());
                return sending;
            });
        } finally {
            MDC.remove(ARTICLE_ID);
        }
    }

    /**
     * Waits for every send; if one failed, the first failing one is thrown with its index, so that the error handler
     * commits the acknowledged records before it and retries from it (records after it that were acknowledged are
     * published again, a duplicate the at-least-once contract allows).
     */
    private void awaitAcknowledgements(List<CompletableFuture<?>> sent, long started) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException ignored) {
            // the failing index is found below
        }
        var took = Duration.ofNanos(System.nanoTime() - started);
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BatchListenerFailedException("Interrupted while publishing enriched articles", e, i);
            } catch (ExecutionException e) {
                // Retried by the error handler with backoff; the ingested event's offset is not committed meanwhile.
                throw new BatchListenerFailedException("Kafka did not acknowledge an enriched article", e, i);
            }
            metrics.enriched(took);
        }
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
