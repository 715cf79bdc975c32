package io.newsflow.ingest.intake;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import io.newsflow.ingest.publishing.ArticlePublisher;
import io.newsflow.ingest.publishing.PublishFailedException;
import io.newsflow.ingest.state.IngestStateTopic;
import io.newsflow.ingest.state.Ledger;
import io.newsflow.ingest.state.Ledger.Claim;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
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
    // Recording the state sends to the producer, which must not happen on the producer's own thread that completes
    // the event's future: a full buffer or missing metadata would block the thread that could free them.
    private final Executor stateRecorder = Executors.newVirtualThreadPerTaskExecutor();

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

    /** One article from one source, as the push API or a feed item gives it. */
    public record Submission(Source source, Article article) {}

    /** Submits one article and returns once Kafka acknowledged whatever it published. */
    public IngestResult submit(Source source, Article article) {
        return submitAll(List.of(new Submission(source, article))).getFirst();
    }

    /**
     * Submits articles together: their events are published concurrently and this returns, one result per
     * submission in order, once Kafka acknowledged all of them.
     *
     * @throws PublishFailedException when Kafka did not acknowledge every event in time; what was acknowledged
     *     stays, so that submitting the same articles again is safe (they come back as duplicates)
     * @throws IngestNotReadyException when this instance has not read the ingest state yet
     */
    public List<IngestResult> submitAll(List<Submission> submissions) {
        var deadline = System.nanoTime() + timeout.toNanos();
        awaitState();
        var single = submissions.size() == 1;
        var results = new ArrayList<CompletableFuture<IngestResult>>(submissions.size());
        for (var submission : submissions) {
            results.add(submitAsync(submission.source(), submission.article(), single));
        }
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(describe(submissions), e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(describe(submissions), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException(describe(submissions), e);
        }
        var done = results.stream().map(CompletableFuture::join).toList();
        if (!single && !done.isEmpty()) {
            log.info(
                    "Batch of {} articles: {}",
                    done.size(),
                    done.stream()
                            .collect(Collectors.groupingBy(
                                    result -> result.outcome().json(), TreeMap::new, Collectors.counting())));
        }
        return done;
    }

    private CompletableFuture<IngestResult> submitAsync(Source source, Article article, boolean single) {
        var contentHash = contentHash(article);
        var articleId = ArticleIds.of(article.url(), source.name(), article.guid(), contentHash);
        var claim = ledger.claim(articleId, contentHash);
        if (claim.kind() == Claim.Kind.DUPLICATE) {
            // The latest revision may still be on its way to Kafka: answer only once it is there.
            return claim.settled().thenApply(published -> done(claim, Outcome.DUPLICATE, source, single));
        }
        var event = ArticleIngested.of(articleId, claim.revision(), clock.instant(), contentHash, source, article);
        var started = System.nanoTime();
        return publisher
                .publishAsync(event)
                .thenComposeAsync(published -> state.record(articleId, claim.state()), stateRecorder)
                .handle((recorded, failure) -> {
                    if (failure != null) {
                        ledger.release(claim, failure);
                        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                    }
                    ledger.confirm(claim);
                    metrics.published(Duration.ofNanos(System.nanoTime() - started));
                    return done(
                            claim, claim.kind() == Claim.Kind.NEW ? Outcome.ACCEPTED : Outcome.UPDATED, source, single);
                });
    }

    private IngestResult done(Claim claim, Outcome outcome, Source source, boolean single) {
        metrics.counted(outcome);
        // One line per article for single submissions (the push API's single endpoint, every feed item); a batch
        // logs its articles at debug and sums them up in one line, so that logging does not dominate its cost.
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

    static String contentHash(Article article) {
        var content = String.join(
                "\u0000",
                Objects.toString(article.title(), ""),
                Objects.toString(article.body(), ""),
                Objects.toString(article.summary(), ""),
                String.join("\u0001", article.authors()),
                String.join("\u0001", article.tags()),
                Objects.toString(article.publishedAt(), ""),
                Objects.toString(article.updatedAt(), ""));
        return "sha256:" + HexFormat.of().formatHex(ArticleIds.sha256(content));
    }
}
