package io.newsflow.ingest.fetch;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.publishing.PublishFailedException;
import io.newsflow.ingest.state.Ledger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks for articles' pages to be fetched: the requests go to the request topic, keyed by the page's host, and a
 * request counts only once Kafka acknowledged it. From then on the article is never lost: a fetcher takes the
 * request (after a crash, the next one does, since offsets are committed only after the article is published), and
 * publishes the article with its page's text, or, when the page cannot be had, with what it came with.
 */
@Component
public class FetchRequests {

    private final KafkaTemplate<String, Object> kafka;
    private final ArticleIntake intake;
    private final Ledger ledger;
    private final FetchStatusStore statuses;
    private final String topic;
    private final Duration timeout;
    private final int teaserLength;
    private final Clock clock = Clock.systemUTC();

    FetchRequests(
            KafkaTemplate<String, Object> kafka,
            ArticleIntake intake,
            Ledger ledger,
            FetchStatusStore statuses,
            IngestProperties properties) {
        this.kafka = kafka;
        this.intake = intake;
        this.ledger = ledger;
        this.statuses = statuses;
        this.topic = properties.ingest().fetch().topic();
        this.timeout = properties.ingest().publishTimeout();
        this.teaserLength = properties.ingest().fetch().teaserLength();
    }

    /**
     * Whether this article's page was asked for already with this very teaser (or the article was published without
     * a fetch): asking again would only replace the page's text with the teaser's. A teaser that changed, another
     * text or date, is not known: its page is fetched again, for the article's next revision.
     */
    public boolean isKnown(Submission submission) {
        var id = intake.idOf(submission);
        var status = statuses.find(id);
        if (status.isPresent()) {
            return status.get().isFor(ArticleIntake.contentHash(submission.article()));
        }
        return ledger.get(id).isPresent();
    }

    /**
     * Whether a feed item's text is only a teaser, whose page is worth fetching: it has a link, and less text
     * (markup excluded) than {@code newsflow.ingest.fetch.teaser-length}.
     */
    public boolean isTeaser(String link, String content) {
        if (teaserLength == 0 || link == null || link.isBlank()) {
            return false;
        }
        return content == null || WebPages.textLength(content) < teaserLength;
    }

    /**
     * Requests the pages together and returns once Kafka acknowledged every request.
     *
     * @throws PublishFailedException when Kafka did not acknowledge them all in time; submitting them again is safe
     */
    public List<IngestResult> requestAll(List<Submission> submissions) {
        var deadline = System.nanoTime() + timeout.toNanos();
        var now = clock.instant();
        var requests = new ArrayList<FetchRequest>(submissions.size());
        var sent = new ArrayList<CompletableFuture<?>>(submissions.size());
        for (var submission : submissions) {
            var request = new FetchRequest(
                    intake.idOf(submission), submission.source(), submission.article(), submission.version(), now);
            requests.add(request);
            sent.add(send(request));
        }
        var results = new ArrayList<IngestResult>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            await(sent.get(i), deadline, request.articleId());
            statuses.report(FetchStatus.queued(
                    request, statuses.find(request.articleId()).orElse(null), now));
            var revision = ledger.get(request.articleId())
                    .map(state -> state.revision())
                    .orElse(0L);
            results.add(new IngestResult(request.articleId(), revision, IngestResult.Outcome.QUEUED));
        }
        return results;
    }

    private CompletableFuture<?> send(FetchRequest request) {
        try {
            return kafka.send(
                    new ProducerRecord<>(topic, hostOf(request.article().url()), request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static String hostOf(String url) {
        try {
            var host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void await(CompletableFuture<?> acknowledged, long deadline, String articleId) {
        try {
            acknowledged.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(articleId, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(articleId, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException(articleId, e);
        }
    }
}
