package io.newsflow.search.indexing;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.micrometer.observation.ObservationRegistry;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.kafka.InvalidEventException;
import io.newsflow.kafka.RecordObservations;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.stories.StoryAssigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Indexes enriched articles a poll at a time, each in its story (see {@link StoryAssigner}). The batch's offsets are
 * committed only after Elasticsearch confirmed every item or the item went to the dead-letter topic; the articles
 * indexed are announced as {@link ArticlesIndexed}. After a retriable failure the batch's partitions are sought back
 * and paused for a growing while (see {@link IndexingBackOff}), so the next polls deliver the same records again.
 */
@Component
class EnrichedArticleListener {

    static final String ID = "index";
    static final String OBSERVATION = "newsflow.search.index";

    private static final Logger log = LoggerFactory.getLogger(EnrichedArticleListener.class);

    private final ArticleIndex index;
    private final StoryAssigner stories;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final IndexingMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final IndexingBackOff backOff;
    private final ObservationRegistry observations;

    EnrichedArticleListener(
            ArticleIndex index,
            StoryAssigner stories,
            DeadLetterPublishingRecoverer deadLetters,
            IndexingMetrics metrics,
            ApplicationEventPublisher publisher,
            IndexingBackOff backOff,
            ObservationRegistry observations) {
        this.index = index;
        this.stories = stories;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.publisher = publisher;
        this.backOff = backOff;
        this.observations = observations;
    }

    // idIsGroup = false: the group comes from spring.kafka.consumer.group-id, not from this container id. One
    // consumer per partition: story lookups and bulk requests of different partitions overlap.
    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "${newsflow.topics.enriched}",
            batch = "true",
            concurrency = "${newsflow.search.indexing.concurrency}")
    void onArticlesEnriched(
            List<ConsumerRecord<String, ArticleEnriched>> records,
            Acknowledgment acknowledgment,
            Consumer<?, ?> consumer) {
        try {
            // each article's indexing a span of the trace it came with
            RecordObservations.observeEach(observations, OBSERVATION, ID, records, () -> indexOrDeadLetter(records));
        } catch (RetriableIndexingException e) {
            // Not thrown to the error handler, whose batch retry outlives rebalances: see IndexingBackOff.
            metrics.batchFailed(records.size());
            backOff.holdBack(ID, records, consumer);
            return;
        }
        backOff.reset(records);
        try {
            // Manual-immediate acknowledgement: committed now, on the consumer's thread, after Elasticsearch
            // confirmed every item of this very poll.
            acknowledgment.acknowledge();
        } catch (CommitFailedException | RetriableException e) {
            // The group rebalanced meanwhile, or the broker did not answer the commit in time (it was down: found by
            // './newsflow chaos kill-kafka'). Thrown on, the error handler would dead-letter articles that are
            // indexed; read again instead (a partition that moved is read from the last commit by its new owner
            // anyway), which rewrites the same revisions and changes nothing.
            log.info("Offsets of an indexed batch not committed ({}), it will be read again", e.getMessage());
            IndexingBackOff.rewind(records, consumer);
        }
    }

    private void indexOrDeadLetter(List<ConsumerRecord<String, ArticleEnriched>> records) {
        var batch = new ArrayList<ConsumerRecord<String, ArticleEnriched>>(records.size());
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            var problem = problemWith(record.value());
            if (problem != null) {
                // Index what came before it, then let the error handler dead-letter this record at once and
                // redeliver the rest.
                index(batch);
                metrics.failed("invalid-event");
                throw new BatchListenerFailedException(problem, new InvalidEventException(problem), i);
            }
            batch.add(record);
        }
        index(batch);
    }

    private static String problemWith(ArticleEnriched event) {
        if (event == null) {
            return "unreadable enriched event";
        }
        if (event.articleId() == null || event.articleId().isBlank()) {
            return "enriched event without articleId";
        }
        if (event.article() == null || event.enrichment() == null) {
            return "enriched event without article or enrichment";
        }
        if (event.revision() < 0) {
            return "enriched event with a negative revision";
        }
        return null;
    }

    private void index(List<ConsumerRecord<String, ArticleEnriched>> records) {
        if (records.isEmpty()) {
            return;
        }
        var started = System.nanoTime();
        List<ArticleIndex.ItemFailure> failures;
        try {
            var events = records.stream().map(ConsumerRecord::value).toList();
            var storyByArticle = stories.assign(events);
            failures = index.write(events.stream()
                    .map(event -> ArticleIndex.Indexable.of(event, storyByArticle.get(event.articleId())))
                    .toList());
        } catch (TransportException e) {
            // an answer came but was not understood: retrying gives the same answer
            if (e.statusCode() != 429 && e.statusCode() < 500 && e.statusCode() > 0) {
                metrics.failed("unreadable-response");
                throw new IllegalStateException("Elasticsearch answer not understood: " + e.getMessage(), e);
            }
            throw retriable("unreachable", "Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw retriable("unreachable", "Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            if (e.status() == 429 || e.status() >= 500) {
                throw retriable(e.status() == 429 ? "rejected-429" : "server-error", e.getMessage(), e);
            }
            throw e;
        }
        var retriable =
                failures.stream().filter(ArticleIndex.ItemFailure::retriable).toList();
        if (!retriable.isEmpty()) {
            throw retriable(
                    "item-" + retriable.getFirst().status(),
                    "Elasticsearch refused " + retriable.size() + " of " + records.size() + " articles for now, first: "
                            + retriable.getFirst().reason(),
                    null);
        }
        for (var failure : failures) {
            var record = records.get(failure.position());
            log.atWarn()
                    .addKeyValue("articleId", record.key())
                    .log(
                            "Article {} revision {} rejected by the index ({}), sending it to the dead-letter topic",
                            record.key(),
                            failure.article().revision(),
                            failure.reason());
            metrics.failed("rejected-" + failure.status());
            deadLetters.accept(record, new InvalidEventException("Rejected by Elasticsearch: " + failure.reason()));
        }
        metrics.indexed(records.size() - failures.size(), System.nanoTime() - started);
        var rejected = failures.stream().map(ArticleIndex.ItemFailure::position).collect(Collectors.toSet());
        var indexed = IntStream.range(0, records.size())
                .filter(i -> !rejected.contains(i))
                .mapToObj(i -> records.get(i).value().articleId())
                .toList();
        if (!indexed.isEmpty()) {
            publisher.publishEvent(new ArticlesIndexed(indexed));
        }
        log.debug("Indexed {} articles, {} rejected", records.size() - failures.size(), failures.size());
    }

    private RetriableIndexingException retriable(String kind, String message, Throwable cause) {
        metrics.failed(kind);
        log.warn("Indexing a batch failed ({}), it will be retried: {}", kind, message);
        return new RetriableIndexingException(message, cause);
    }
}
