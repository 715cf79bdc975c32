package io.newsflow.ingest.feeds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;

/**
 * A feed's registration and polling state: the value of its record on the feeds topic, keyed by {@link #id()}.
 *
 * @param pollRequestedAt when someone last asked for a poll now; the owner polls when it is later than the last poll
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedRecord(
        String id,
        String url,
        String sourceName,
        Duration pollInterval,
        Instant registeredAt,
        Instant pollRequestedAt,
        FeedStatus status) {

    FeedRecord withStatus(FeedStatus status) {
        return new FeedRecord(id, url, sourceName, pollInterval, registeredAt, pollRequestedAt, status);
    }

    FeedRecord withPollRequestedAt(Instant requestedAt) {
        return new FeedRecord(id, url, sourceName, pollInterval, registeredAt, requestedAt, status);
    }

    boolean isDue(Instant now) {
        var requested = pollRequestedAt != null
                && (status.lastPolledAt() == null || pollRequestedAt.isAfter(status.lastPolledAt()));
        return requested || status.nextPollAt() == null || !now.isBefore(status.nextPollAt());
    }

    /**
     * Merges a record read from the topic into the one known here. The state with the higher revision wins (only
     * the owner of a feed advances it), and a poll request is never lost to a concurrent state update.
     */
    FeedRecord mergedWith(FeedRecord other) {
        var newer = other.status.revision() >= status.revision() ? other : this;
        var requested = pollRequestedAt == null
                ? other.pollRequestedAt
                : other.pollRequestedAt == null || pollRequestedAt.isAfter(other.pollRequestedAt)
                        ? pollRequestedAt
                        : other.pollRequestedAt;
        return newer.withPollRequestedAt(requested);
    }
}
