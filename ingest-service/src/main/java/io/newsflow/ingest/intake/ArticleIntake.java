package io.newsflow.ingest.intake;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.Sha256;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import io.newsflow.ingest.publishing.ArticlePublisher;
import io.newsflow.ingest.publishing.PublishFailedException;
import io.newsflow.ingest.state.IngestStateTopic;
import io.newsflow.ingest.state.Ledger;
import io.newsflow.ingest.state.Ledger.Claim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.stereotype.Service;

/**
 * Turns submitted articles into {@link ArticleIngested} events with a stable id and the right revision, and publishes
 * the new ones. An article whose id and content are already known is a duplicate and publishes nothing; the same id
 * with other content is the next revision.
 *
 * <p>Per article, the raw event is published first and its new state (revision, content hash) on the ingest state
 * topic only once the event is acknowledged. A crash in between leaves the state one revision behind: the client saw
 * no 202 and retries, and the retry publishes the same revision with the same content again, which consumers that
 * index by revision ignore. The other order could record a state whose event never reached Kafka, and a retry would
 * then be answered as a duplicate of an article that was lost.
 */
@Service
public class ArticleIntake {

    private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

    private final ArticlePublisher publisher;
    private final Ledger ledger;
    private final IngestStateTopic state;
    private final IngestMetrics metrics;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();

    ArticleIntake(
            ArticlePublisher publisher,
            Ledger ledger,
            IngestStateTopic state,
            IngestMetrics metrics,
            IngestProperties properties) {
        this.publisher = publisher;
        this.ledger = ledger;
        this.state = state;
        this.metrics = metrics;
        this.timeout = properties.ingest().publishTimeout();
    }

    /**
     * One article from one source, as the push API or a feed item gives it.
     *
     * @param version the publisher's own version number of the article (an agency item's), or 0; its revision is at
     *     least that
     */
    public record Submission(Source source, Article article, long version) {

        public Submission(Source source, Article article) {
            this(source, article, 0);
        }
    }

    /** The id the article is (or will be) published under. */
    public String idOf(Submission submission) {
        return Identified.of(submission).articleId();
    }

    /** Submits one article and returns once Kafka acknowledged whatever it published. */
    public IngestResult submit(Source source, Article article) {
        return submit(new Submission(source, article));
    }

    /** Submits one article and returns once Kafka acknowledged whatever it published. */
    public IngestResult submit(Submission submission) {
        return submitAll(List.of(submission)).getFirst();
    }

    /**
     * Submits articles together: their events are published concurrently and this returns, one result per
     * submission in order, once Kafka acknowledged all of them.
     *
     * @throws PublishFailedException when Kafka did not acknowledge every event in time; what was acknowledged
     *     stays, so that submitting the same articles again is safe (they come back as duplicates)
     * @throws IngestNotReadyException when this instance has not read the ingest state yet
     * @throws StaleVersionException when a submission's version is older than the one taken for its article; the
     *     others were taken as usual (only agency items carry versions, and they come one at a time)
     */
    public List<IngestResult> submitAll(List<Submission> submissions) {
        var deadline = System.nanoTime() + timeout.toNanos();
        awaitState();
        var started = System.nanoTime();
        // Two waves, each handed to the producer whole before it is awaited, so that its records share batches:
        // the events of new articles and revisions, then the new state of those Kafka acknowledged.
        // Every id and hash first: one that fails must not leave the claims of the others pending.
        var identified = submissions.stream().map(Identified::of).toList();
        var items = identified.stream().map(this::claim).toList();
        for (var item : items) {
            if (item.published != null) {
                item.failure = failureOf(item.published, deadline);
                item.recorded = item.failure == null ? state.record(item.claim.articleId(), item.claim.state()) : null;
            }
        }
        for (var item : items) {
            if (item.recorded != null) {
                item.failure = failureOf(item.recorded, deadline);
            }
            if (item.published != null) {
                if (item.failure == null) {
                    ledger.confirm(item.claim);
                } else {
                    ledger.release(item.claim, item.failure);
                }
            }
        }
        // A duplicate is answered once the revision it repeats is on Kafka, perhaps one of this very batch.
        for (var item : items) {
            if (item.claim.kind() == Claim.Kind.DUPLICATE) {
                item.failure = failureOf(item.claim.settled(), deadline);
            }
        }
        var failed = items.stream().filter(item -> item.failure != null).findFirst();
        if (failed.isPresent()) {
            throw new PublishFailedException(describe(submissions), failed.get().failure);
        }
        var stale = items.stream()
                .filter(item -> item.claim.kind() == Claim.Kind.STALE)
                .findFirst();
        if (stale.isPresent()) {
            var claim = stale.get().claim;
            throw new StaleVersionException(
                    claim.articleId(), claim.revision(), claim.state().version(), stale.get().version);
        }
        var latency = Duration.ofNanos(System.nanoTime() - started);
        var single = items.size() == 1;
        var results = new ArrayList<IngestResult>(items.size());
        for (var item : items) {
            var outcome = item.outcome();
            if (outcome != Outcome.DUPLICATE) {
                metrics.published(latency);
            }
            results.add(done(item.claim, outcome, item.source, single));
        }
        if (!single && !results.isEmpty()) {
            log.info(
                    "Batch of {} articles: {}",
                    results.size(),
                    results.stream()
                            .collect(Collectors.groupingBy(
                                    result -> result.outcome().json(), TreeMap::new, Collectors.counting())));
        }
        return results;
    }

    /** One submission on its way: its claim, and the acknowledgements of its event and of its new state. */
    private static final class Item {

        final Source source;
        final long version;
        final Claim claim;
        final CompletableFuture<Void> published; // null for a duplicate or a stale version, which publish nothing
        CompletableFuture<Void> recorded;
        Throwable failure;

        Item(Source source, long version, Claim claim, CompletableFuture<Void> published) {
            this.source = source;
            this.version = version;
            this.claim = claim;
            this.published = published;
        }

        Outcome outcome() {
            return switch (claim.kind()) {
                case NEW -> Outcome.ACCEPTED;
                case CHANGED -> Outcome.UPDATED;
                case DUPLICATE -> Outcome.DUPLICATE;
                // never answered: submitAll throws for it first
                case STALE -> Outcome.REJECTED;
            };
        }
    }

    /** A submission with the id and content hash it is claimed under. */
    private record Identified(Source source, Article article, String articleId, String contentHash, long version) {

        static Identified of(Submission submission) {
            var source = submission.source();
            var article = submission.article();
            var contentHash = ArticleIntake.contentHash(article);
            return new Identified(
                    source,
                    article,
                    ArticleIds.of(article.url(), source.name(), article.guid(), contentHash),
                    contentHash,
                    submission.version());
        }
    }

    private Item claim(Identified submission) {
        var claim = ledger.claim(submission.articleId(), submission.contentHash(), submission.version());
        if (claim.kind() == Claim.Kind.DUPLICATE || claim.kind() == Claim.Kind.STALE) {
            return new Item(submission.source(), submission.version(), claim, null);
        }
        var event = ArticleIngested.of(
                claim.articleId(),
                claim.revision(),
                clock.instant(),
                submission.contentHash(),
                submission.source(),
                submission.article());
        return new Item(submission.source(), submission.version(), claim, publisher.publishAsync(event));
    }

    /** Waits for an acknowledgement until the deadline; {@code null} when it came, else why it did not. */
    private static Throwable failureOf(CompletableFuture<Void> acknowledged, long deadline) {
        try {
            acknowledged.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
    }

    private IngestResult done(Claim claim, Outcome outcome, Source source, boolean single) {
        metrics.counted(outcome);
        // One line per article for single submissions (the push API's single endpoint); a batch (the batch endpoint,
        // a feed's items) logs its articles at debug and sums them up in one line, so that logging does not dominate
        // its cost.
        if (single || log.isDebugEnabled()) {
            try (var ignored = MDC.putCloseable("articleId", claim.articleId())) {
                var level = single ? Level.INFO : Level.DEBUG;
                log.atLevel(level)
                        .log(
                                "Article {} revision {} from {}: {}",
                                claim.articleId(),
                                claim.revision(),
                                source.name(),
                                outcome.json());
            }
        }
        return new IngestResult(claim.articleId(), claim.revision(), outcome);
    }

    private void awaitState() {
        try {
            if (!state.awaitCaughtUp(timeout)) {
                throw new IngestNotReadyException("The ingest state topic has not been read to its end yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestNotReadyException("Interrupted while waiting for the ingest state");
        }
    }

    private static String describe(List<Submission> submissions) {
        return submissions.size() == 1
                ? Objects.toString(submissions.getFirst().article().url(), "without url")
                : "in a batch of " + submissions.size();
    }

    /** The hash that tells one content of an article from another: what duplicates and revisions are decided by. */
    public static String contentHash(Article article) {
        // The fields joined by NUL (list items by SOH), digested piece by piece instead of joined first.
        var digest = Sha256.digest();
        update(digest, article.title());
        digest.update((byte) 0);
        update(digest, article.body());
        digest.update((byte) 0);
        update(digest, article.summary());
        digest.update((byte) 0);
        update(digest, article.authors());
        digest.update((byte) 0);
        update(digest, article.tags());
        digest.update((byte) 0);
        update(digest, Objects.toString(article.publishedAt(), null));
        digest.update((byte) 0);
        update(digest, Objects.toString(article.updatedAt(), null));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        if (text != null) {
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void update(MessageDigest digest, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                digest.update((byte) 1);
            }
            update(digest, items.get(i));
        }
    }
}
