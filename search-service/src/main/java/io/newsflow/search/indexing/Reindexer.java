package io.newsflow.search.indexing;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.kafka.CompactedTopicReader;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.stories.StoryAssigner;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;

/**
 * Rebuilds the index into {@code <alias>-v<N+1>} by replaying the compacted enriched topic from its beginning, then
 * moves the alias atomically. Searches keep reading the old index until the switch. Live indexing goes on: from the
 * start of the rebuild the listener writes every batch to the new index as well, so the replay only has to reach the
 * end offsets it saw when it started; external versions make the order of the two writers irrelevant.
 */
@Component
public class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private final ArticleIndex index;
    private final StoryAssigner stories;
    private final ConsumerFactory<String, ArticleEnriched> consumers;
    private final String topic;
    private final BackOff retries;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    Reindexer(
            ArticleIndex index,
            StoryAssigner stories,
            ConsumerFactory<String, ArticleEnriched> consumers,
            SearchProperties properties,
            Clock clock) {
        this.index = index;
        this.stories = stories;
        this.consumers = consumers;
        this.topic = properties.topics().enriched();
        this.retries = IndexingBackOff.untilAccepted(properties.search().indexing());
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background, or returns empty when one is running already. */
    public synchronized Optional<Status> start() throws IOException {
        if (status.get().state() == State.RUNNING) {
            return Optional.empty();
        }
        var from = index.currentIndex().orElseThrow(() -> new IllegalStateException("alias has no index"));
        var to = index.indexName(index.versionOf(from) + 1);
        var running = new Status(State.RUNNING, from, to, 0, clock.instant(), null, null);
        status.set(running);
        Thread.ofVirtual().name("reindex-" + to).start(() -> run(running));
        return Optional.of(running);
    }

    private void run(Status running) {
        var to = running.to();
        try {
            index.createIndex(to);
            index.addWriteTarget(to);
            var replayed = replay(running.from(), to);
            index.refresh(to);
            index.switchAlias(running.from(), to);
            log.info(
                    "Rebuilt {} from {} ({} events replayed), alias moved from {}",
                    to,
                    topic,
                    replayed,
                    running.from());
            status.set(
                    new Status(State.DONE, running.from(), to, replayed, running.startedAt(), clock.instant(), null));
        } catch (Exception e) {
            log.error("Rebuilding {} failed; the alias stays on {}", to, running.from(), e);
            status.set(new Status(
                    State.FAILED, running.from(), to, 0, running.startedAt(), clock.instant(), e.toString()));
        } finally {
            index.removeWriteTarget(to);
        }
    }

    private long replay(String source, String target) throws InterruptedException {
        // All partitions assigned by hand and nothing committed: the replay never touches the live group's offsets.
        var reader = new CompactedTopicReader<>(
                consumers, topic, index.alias() + "-reindex", Map.of(), CompactedTopicReader.defaultBackOff());
        var replayed = new AtomicLong();
        log.info("Replaying {} into {}", topic, target);
        reader.catchUp(records -> {
            var events = records.stream()
                    .map(ConsumerRecord::value)
                    // tombstones, and events the live path dead-lettered as incomplete already
                    .filter(event -> event != null && event.article() != null && event.enrichment() != null)
                    .toList();
            writeUntilAccepted(source, target, events);
            replayed.addAndGet(events.size());
            status.updateAndGet(s -> s.withReplayed(s.replayed() + events.size()));
        });
        return replayed.get();
    }

    private void writeUntilAccepted(String source, String target, List<ArticleEnriched> events)
            throws InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        var pauses = retries.start();
        while (true) {
            try {
                var storyByArticle = stories.assign(
                        events,
                        index.stored(target),
                        index.storiesIn(
                                source,
                                events.stream().map(ArticleEnriched::articleId).toList()));
                var failures = index.writeTo(
                        target,
                        events.stream()
                                .map(event -> ArticleIndex.Indexable.of(event, storyByArticle.get(event.articleId())))
                                .toList());
                if (failures.stream().noneMatch(ArticleIndex.ItemFailure::retriable)) {
                    // the live path dead-lettered the rejected ones
                    return;
                }
                log.warn("Rebuild of {}: {} items refused for now, retrying", target, failures.size());
            } catch (IOException | RuntimeException e) {
                log.warn("Rebuild of {}: Elasticsearch failed ({}), retrying", target, e.toString());
            }
            // never STOP: the back-off has no limit on attempts or elapsed time
            Thread.sleep(pauses.nextBackOff());
        }
    }

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    /** @param replayed events from the topic written to the new index so far */
    public record Status(
            State state, String from, String to, long replayed, Instant startedAt, Instant finishedAt, String error) {

        static Status idle() {
            return new Status(State.IDLE, null, null, 0, null, null, null);
        }

        Status withReplayed(long count) {
            return new Status(state, from, to, count, startedAt, finishedAt, error);
        }
    }
}
