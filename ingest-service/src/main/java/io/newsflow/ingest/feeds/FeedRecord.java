package io.newsflow.ingest.feeds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;

/**
 * A feed's registration and polling state: the value of its record on the feeds topic, keyed by {@link #id()}.
 *
 * @param pollRequestedAt when someone last asked for a poll now (for display)
 * @param pollRequests how many times a poll now was asked for; the owner polls while its status has handled fewer.
 *     A counter, not a time, so that clocks that differ between instances cannot make a request look pending forever
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedRecord(
        String id,
        String url,
        String sourceName,
        Duration pollInterval,
        Instant registeredAt,
        Instant pollRequestedAt,
        long pollRequests,
        FeedStatus status) {

    static FeedRecord registered(String id, String url, String sourceName, Duration pollInterval, Instant now) {
        return new FeedRecord(id, url, sourceName, pollInterval, now, null, 0, FeedStatus.initial(now));
    }

    FeedRecord withStatus(FeedStatus status) {
        return new FeedRecord(id, url, sourceName, pollInterval, registeredAt, pollRequestedAt, pollRequests, status);
    }

    FeedRecord withPollRequested(Instant requestedAt) {
        return new FeedRecord(id, url, sourceName, pollInterval, registeredAt, requestedAt, pollRequests + 1, status);
    }

    /** Whether this is a feed as {@link #registered} writes it: no poll asked for, none made. */
    boolean isRegistration() {
        return pollRequests == 0 && status.revision() == 0;
    }

    boolean isDue(Instant now) {
        return pollRequests > status.pollRequestsHandled()
                || status.nextPollAt() == null
                || !now.isBefore(status.nextPollAt());
    }

    /**
     * Merges a record read from the topic into the one known here. The state with the higher revision wins (only
     * the owner of a feed advances it), and a poll request is never lost to a concurrent state update.
     */
    FeedRecord mergedWith(FeedRecord other) {
        var newer = other.status.revision() >= status.revision() ? other : this;
        var requestedAt = pollRequestedAt == null
                ? other.pollRequestedAt
                : other.pollRequestedAt == null || pollRequestedAt.isAfter(other.pollRequestedAt)
                        ? pollRequestedAt
                        : other.pollRequestedAt;
        return new FeedRecord(
                id,
                url,
                sourceName,
                pollInterval,
                registeredAt,
                requestedAt,
                Math.max(pollRequests, other.pollRequests),
                newer.status);
    }
}
