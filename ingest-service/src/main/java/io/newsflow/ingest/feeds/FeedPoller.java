package io.newsflow.ingest.feeds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.Article;
import io.newsflow.events.Source;
import io.newsflow.ingest.fetch.FetchRequests;
import io.newsflow.ingest.fetch.PoliteHosts;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.intake.IngestNotReadyException;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.publishing.PublishFailedException;
import io.newsflow.ingest.sitemap.Sitemap;
import io.newsflow.ingest.sitemap.SitemapException;
import io.newsflow.ingest.sitemap.SitemapParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed once: fetch (conditional), parse, hand the items to {@link ArticleIntake} together, and work out the feed's
 * next status. Nothing escapes: every failure becomes the status's outcome and error, and the feed is backed off.
 */
final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticleIntake intake;
    private final FetchRequests fetchRequests;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int maxItems;
    private final Duration maxBackoff;
    private static final int MAX_CHILD_SITEMAPS = 50;

    FeedPoller(
            FeedFetcher fetcher,
            FeedParser parser,
            ArticleIntake intake,
            FetchRequests fetchRequests,
            MeterRegistry meters,
            Clock clock,
            int maxItems,
            Duration maxBackoff) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.intake = intake;
        this.fetchRequests = fetchRequests;
        this.meters = meters;
        this.clock = clock;
        this.maxItems = maxItems;
        this.maxBackoff = maxBackoff;
    }

    FeedStatus poll(FeedRecord feed) {
        var status = feed.status();
        var started = clock.instant();
        FeedStatus next;
        try {
            next = switch (fetcher.fetch(URI.create(feed.url()), status.etag(), status.lastModified())) {
                case FeedFetcher.NotModified ignored ->
                    status.succeeded(
                            started, "not-modified", 0, 0, feed.pollInterval(), status.etag(), status.lastModified());
                case FeedFetcher.Fetched fetched -> publish(feed, fetched, started);
            };
        } catch (FetchException e) {
            next = status.failed(started, e.reason().tag(), e.getMessage(), feed.pollInterval(), maxBackoff);
        } catch (PoliteHosts.NotNowException e) {
            next = status.failed(started, e.reason(), e.getMessage(), feed.pollInterval(), maxBackoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next = status.failed(started, "interrupted", "stopped while waiting", feed.pollInterval(), maxBackoff);
        } catch (FeedParseException e) {
            next = status.failed(
                    started,
                    e.refused() ? "refused-content" : "parse-error",
                    e.getMessage(),
                    feed.pollInterval(),
                    maxBackoff);
        } catch (PublishFailedException | IngestNotReadyException e) {
            // The validators are not advanced, so the next poll fetches the same items again and nothing is lost.
            next = status.failed(started, "publish-error", e.getMessage(), feed.pollInterval(), maxBackoff);
        } catch (RuntimeException e) {
            log.error("Feed {} poll failed unexpectedly", feed.id(), e);
            next = status.failed(started, "error", e.toString(), feed.pollInterval(), maxBackoff);
        }
        meters.counter("newsflow.ingest.feed.polls", "outcome", next.lastOutcome())
                .increment();
        if (next.consecutiveFailures() > 0) {
            log.warn(
                    "Feed {} poll failed ({}, {} in a row, next at {}): {}",
                    feed.id(),
                    next.lastOutcome(),
                    next.consecutiveFailures(),
                    next.nextPollAt(),
                    next.lastError());
        } else {
            log.info(
                    "Feed {} polled: {}, {} items seen, {} articles published in total",
                    feed.id(),
                    next.lastOutcome(),
                    next.itemsSeen(),
                    next.articlesPublished());
        }
        return next;
    }

    private FeedStatus publish(FeedRecord feed, FeedFetcher.Fetched fetched, Instant started)
            throws FeedParseException, FetchException, PoliteHosts.NotNowException, InterruptedException {
        if (SitemapParser.isSitemap(fetched.body())) {
            return publishSitemap(feed, fetched, started);
        }
        var parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.documentUrl(), maxItems);
        var source = new Source(
                feed.sourceName() != null ? feed.sourceName() : parsed.title(), domain(feed.url()), feed.url());
        var submissions = new ArrayList<Submission>();
        var teasers = new ArrayList<Submission>();
        for (var item : parsed.items()) {
            var article = article(item);
            if (article.isEmpty()) {
                skipped().increment();
                continue;
            }
            var submission = new Submission(source, article.get());
            if (!fetchRequests.isTeaser(item.link(), item.content())) {
                submissions.add(submission);
            } else if (fetchRequests.isKnown(submission)) {
                // Fetched (or asked for) already: the teaser again would replace the page's text with itself.
                meters.counter("newsflow.ingest.feed.items", "result", "known").increment();
            } else {
                teasers.add(submission);
            }
        }
        // Together, so that the items' events share the producer's batches; a failure to publish fails the poll,
        // and the validators are not advanced, so the next poll brings the same items again.
        var published = 0;
        var results = new ArrayList<IngestResult>();
        if (!teasers.isEmpty()) {
            results.addAll(fetchRequests.requestAll(teasers));
        }
        if (!submissions.isEmpty()) {
            results.addAll(intake.submitAll(submissions));
        }
        for (var result : results) {
            if (result.outcome() != IngestResult.Outcome.DUPLICATE) {
                published++;
            }
            meters.counter("newsflow.ingest.feed.items", "result", result(result.outcome()))
                    .increment();
        }
        if (parsed.truncated()) {
            log.warn("Feed {} had more than {} items; took the first {}", feed.id(), maxItems, maxItems);
        }
        return feed.status()
                .succeeded(
                        started,
                        "success",
                        parsed.items().size(),
                        published,
                        feed.pollInterval(),
                        fetched.etag(),
                        fetched.lastModified());
    }

    /**
     * A sitemap's pages, or those of the child sitemaps of a sitemap index (at most {@link #MAX_CHILD_SITEMAPS}), all
     * go through the page fetcher; pages already published or requested are left alone.
     */
    private FeedStatus publishSitemap(FeedRecord feed, FeedFetcher.Fetched fetched, Instant started)
            throws FeedParseException, FetchException, PoliteHosts.NotNowException, InterruptedException {
        var parser = new SitemapParser(maxItems);
        var sitemap = sitemap(parser, fetched.body(), fetched.documentUrl());
        var entries = new ArrayList<>(sitemap.entries());
        for (var child : sitemap.sitemaps().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
            if (entries.size() >= maxItems) {
                break;
            }
            if (fetcher.fetch(child, null, null) instanceof FeedFetcher.Fetched page
                    && SitemapParser.isSitemap(page.body())) {
                entries.addAll(sitemap(parser, page.body(), page.documentUrl()).entries());
            }
        }
        var taken = entries.stream().limit(maxItems).toList();
        var submissions = new ArrayList<Submission>();
        for (var entry : taken) {
            var url = entry.url().toString();
            var source = new Source(
                    feed.sourceName() != null
                            ? feed.sourceName()
                            : entry.publication().orElse(domain(feed.url())),
                    domain(url),
                    feed.url());
            var article = new Article(
                    entry.title().orElse(url),
                    null,
                    url,
                    null,
                    List.of(),
                    entry.published().or(entry::modified).orElse(null),
                    entry.modified().orElse(null),
                    entry.language().orElse(null),
                    List.of(),
                    null);
            var submission = new Submission(source, article);
            if (fetchRequests.isKnown(submission)) {
                meters.counter("newsflow.ingest.feed.items", "result", "known").increment();
            } else {
                submissions.add(submission);
            }
        }
        var queued = submissions.isEmpty() ? List.<IngestResult>of() : fetchRequests.requestAll(submissions);
        queued.forEach(result -> meters.counter("newsflow.ingest.feed.items", "result", "published")
                .increment());
        return feed.status()
                .succeeded(
                        started,
                        "success",
                        taken.size(),
                        queued.size(),
                        feed.pollInterval(),
                        fetched.etag(),
                        fetched.lastModified());
    }

    private static Sitemap sitemap(SitemapParser parser, byte[] body, URI base) throws FeedParseException {
        try {
            return parser.parse(body, base);
        } catch (SitemapException e) {
            throw new FeedParseException(e.getMessage());
        }
    }

    private static String result(IngestResult.Outcome outcome) {
        return outcome == IngestResult.Outcome.ACCEPTED
                        || outcome == IngestResult.Outcome.UPDATED
                        || outcome == IngestResult.Outcome.QUEUED
                ? "published"
                : outcome.name().toLowerCase(Locale.ROOT);
    }

    private Counter skipped() {
        return meters.counter("newsflow.ingest.feed.items", "result", "skipped");
    }

    /** The article an item becomes; empty for an item with nothing to publish (no title, link nor content). */
    static Optional<Article> article(FeedItem item) {
        var title = item.title() != null ? item.title() : item.link();
        if (title == null || item.link() == null && item.content() == null) {
            return Optional.empty();
        }
        return Optional.of(new Article(
                title.length() > 1_000 ? title.substring(0, 1_000) : title,
                item.content(),
                item.link(),
                item.summary(),
                item.authors(),
                item.published() != null ? item.published() : item.updated(),
                item.updated(),
                null,
                item.categories(),
                item.guid()));
    }

    private static String domain(String url) {
        var host = URI.create(url).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    }
}
