package io.newsflow.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.events.Article;
import io.newsflow.ingest.fetch.FetchStatus.State;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.state.Ledger;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one fetch request: fetches the page, publishes the article with its text, and records the fetch's state. A
 * retryable failure is thrown as {@link RetryLaterException}, for the request to come back after the back-off; a
 * final one, or {@link #giveUp} after the last try, publishes the article with what it came with, so that the teaser
 * is never lost, and the state says why.
 */
final class PageFetchWorker {

    private static final Logger log = LoggerFactory.getLogger(PageFetchWorker.class);

    /** The fetch is to be tried again after the back-off. */
    static final class RetryLaterException extends Exception {
        RetryLaterException(String message) {
            super(message);
        }
    }

    private final PageFetcher fetcher;
    private final WebPages pages;
    private final ArticleIntake intake;
    private final Ledger ledger;
    private final FetchStatusStore statuses;
    private final MeterRegistry meters;
    private final Clock clock;

    PageFetchWorker(
            PageFetcher fetcher,
            WebPages pages,
            ArticleIntake intake,
            Ledger ledger,
            FetchStatusStore statuses,
            MeterRegistry meters,
            Clock clock) {
        this.fetcher = fetcher;
        this.pages = pages;
        this.intake = intake;
        this.ledger = ledger;
        this.statuses = statuses;
        this.meters = meters;
        this.clock = clock;
    }

    void process(FetchRequest request) throws RetryLaterException, InterruptedException {
        var status = current(request);
        var sample = Timer.start(meters);
        try {
            var url = URI.create(request.article().url().strip());
            switch (fetcher.fetch(url, status.etag(), status.lastModified())) {
                case PageFetcher.Page page -> {
                    var article = pages.withPage(request.article(), page.html(), page.url());
                    if (article.isEmpty()) {
                        finish(
                                request,
                                status.tried(
                                        State.FAILED,
                                        "no-article-text",
                                        "the page holds no article text",
                                        null,
                                        clock.instant()),
                                request.article());
                    } else {
                        finish(
                                request,
                                status.tried(State.FETCHED, null, null, null, clock.instant())
                                        .withValidators(page.etag(), page.lastModified()),
                                article.get());
                    }
                }
                case PageFetcher.NotModified ignored -> {
                    if (ledger.get(request.articleId()).isPresent()) {
                        var next = status.tried(State.NOT_MODIFIED, null, null, status.revision(), clock.instant());
                        statuses.report(next);
                        count(next);
                    } else {
                        // A 304 for an article we never published (its validators outlived it): publish what we have.
                        finish(
                                request,
                                status.tried(
                                        State.FAILED,
                                        "not-modified",
                                        "304 without a published revision",
                                        null,
                                        clock.instant()),
                                request.article());
                    }
                }
            }
        } catch (PageFetchException e) {
            var next = status.tried(
                    e.retryable() ? State.RETRYING : State.FAILED, e.reason(), e.getMessage(), null, clock.instant());
            if (e.retryable()) {
                statuses.report(next);
                count(next);
                log.info(
                        "Fetch of {} failed ({}), to be retried: {}",
                        request.article().url(),
                        e.reason(),
                        e.getMessage());
                throw new RetryLaterException(e.reason() + ": " + e.getMessage());
            }
            log.info("Fetch of {} refused ({}): {}", request.article().url(), e.reason(), e.getMessage());
            finish(request, next, request.article());
        } catch (IllegalArgumentException e) {
            finish(
                    request,
                    status.tried(State.FAILED, "invalid-url", e.getMessage(), null, clock.instant()),
                    request.article());
        } finally {
            sample.stop(meters.timer("newsflow.ingest.fetch.duration"));
        }
    }

    /** After the last try: the article goes on with what it had, and its state keeps the last failure's reason. */
    void giveUp(FetchRequest request) {
        var status = current(request);
        var published = intake.submit(new Submission(request.source(), request.article(), request.version()));
        var next = status.failed(published.revision(), clock.instant());
        statuses.report(next);
        count(next);
        log.warn(
                "Gave up fetching {} ({}); published article {} with what it had",
                request.article().url(),
                next.reason(),
                published.id());
    }

    private void finish(FetchRequest request, FetchStatus next, Article article) {
        // Published before the state is saved and before the listener returns (hence before the offset is
        // committed): a crash in between repeats the fetch, and the intake answers the repeat as a duplicate.
        var published = intake.submit(new Submission(request.source(), article, request.version()));
        var done = new FetchStatus(
                next.articleId(),
                next.url(),
                next.state(),
                next.attempts(),
                next.reason(),
                next.detail(),
                published.revision(),
                next.etag(),
                next.lastModified(),
                next.requestedAt(),
                next.updatedAt(),
                next.teaserHash());
        statuses.report(done);
        count(done);
    }

    private FetchStatus current(FetchRequest request) {
        return statuses.find(request.articleId())
                .filter(status -> !status.requestedAt().isBefore(request.requestedAt()))
                .orElseGet(() -> FetchStatus.queued(
                        request, statuses.find(request.articleId()).orElse(null), request.requestedAt()));
    }

    private void count(FetchStatus status) {
        meters.counter(
                        "newsflow.ingest.fetch.pages",
                        "state",
                        status.state().json(),
                        "reason",
                        status.reason() == null ? "none" : status.reason())
                .increment();
    }
}
