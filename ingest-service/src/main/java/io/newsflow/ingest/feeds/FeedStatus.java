package io.newsflow.ingest.feeds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;

/**
 * How a feed's polling went.
 *
 * @param revision incremented by every poll; the higher revision wins when records are merged
 * @param lastOutcome {@code success}, {@code not-modified}, or the failure's reason
 * @param itemsSeen items read over all polls
 * @param articlesPublished items that became a new article or a new revision (duplicates are not counted)
 * @param nextPollAt when the feed is due again (backed off after failures)
 * @param etag the validator of the last fetched response, sent back as If-None-Match
 * @param lastModified the Last-Modified of the last fetched response, sent back as If-Modified-Since
 * @param pollRequestsHandled the feed's {@link FeedRecord#pollRequests()} when it was last polled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedStatus(
        long revision,
        Instant lastPolledAt,
        Instant lastSucceededAt,
        String lastOutcome,
        long itemsSeen,
        long articlesPublished,
        int consecutiveFailures,
        String lastError,
        Instant nextPollAt,
        String etag,
        String lastModified,
        long pollRequestsHandled) {

    static FeedStatus initial(Instant nextPollAt) {
        return new FeedStatus(0, null, null, null, 0, 0, 0, null, nextPollAt, null, null, 0);
    }

    FeedStatus withPollRequestsHandled(long handled) {
        return new FeedStatus(
                revision,
                lastPolledAt,
                lastSucceededAt,
                lastOutcome,
                itemsSeen,
                articlesPublished,
                consecutiveFailures,
                lastError,
                nextPollAt,
                etag,
                lastModified,
                handled);
    }

    FeedStatus succeeded(
            Instant now, String outcome, int items, int published, Duration interval, String etag, String modified) {
        return new FeedStatus(
                revision + 1,
                now,
                now,
                outcome,
                itemsSeen + items,
                articlesPublished + published,
                0,
                null,
                now.plus(interval),
                etag,
                modified,
                pollRequestsHandled);
    }

    /** After n consecutive failures the feed waits interval * 2^n, at most {@code maxBackoff} (but never less than its interval). */
    FeedStatus failed(Instant now, String outcome, String error, Duration interval, Duration maxBackoff) {
        var failures = consecutiveFailures + 1;
        return new FeedStatus(
                revision + 1,
                now,
                lastSucceededAt,
                outcome,
                itemsSeen,
                articlesPublished,
                failures,
                error,
                now.plus(backoff(interval, failures, maxBackoff)),
                etag,
                lastModified,
                pollRequestsHandled);
    }

    static Duration backoff(Duration interval, int failures, Duration maxBackoff) {
        var factor = 1L << Math.min(failures, 30);
        var millis = interval.toMillis();
        var backoff = millis > maxBackoff.toMillis() / factor ? maxBackoff : Duration.ofMillis(millis * factor);
        return backoff.compareTo(interval) < 0 ? interval : backoff;
    }
}
