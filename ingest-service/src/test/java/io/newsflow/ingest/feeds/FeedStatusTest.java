package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedStatusTest {

    private static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration MAX = Duration.ofHours(2);

    @Test
    void doublesTheWaitWithEveryConsecutiveFailureUpToTheMaximum() {
        var status = FeedStatus.initial(NOW);
        var waits = new java.util.ArrayList<Duration>();
        for (int i = 0; i < 5; i++) {
            status = status.failed(NOW, "http-error", "HTTP 500", INTERVAL, MAX);
            waits.add(Duration.between(NOW, status.nextPollAt()));
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(60), MAX, MAX, MAX);
        assertThat(status.consecutiveFailures()).isEqualTo(5);
        assertThat(status.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void aSuccessResetsTheFailuresAndKeepsTheCounts() {
        var status = FeedStatus.initial(NOW)
                .succeeded(NOW, "success", 10, 7, INTERVAL, "\"e1\"", "Mon, 01 Sep 2025 07:00:00 GMT")
                .failed(NOW.plusSeconds(900), "timeout", "slow", INTERVAL, MAX)
                .succeeded(NOW.plusSeconds(2700), "success", 3, 1, INTERVAL, "\"e2\"", null);

        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.itemsSeen()).isEqualTo(13);
        assertThat(status.articlesPublished()).isEqualTo(8);
        assertThat(status.etag()).isEqualTo("\"e2\"");
        assertThat(status.revision()).isEqualTo(3);
        assertThat(status.nextPollAt()).isEqualTo(NOW.plusSeconds(2700).plus(INTERVAL));
    }

    @Test
    void neverWaitsLessThanTheIntervalEvenWhenItExceedsTheMaximumBackoff() {
        assertThat(FeedStatus.backoff(Duration.ofHours(6), 1, MAX)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aPollRequestSurvivesAConcurrentStateUpdateAndTheHigherRevisionWins() {
        var registered = FeedRecord.registered("f1", "https://e.example/rss", null, INTERVAL, NOW);
        var polled = registered.withStatus(registered.status().succeeded(NOW, "success", 1, 1, INTERVAL, null, null));
        var requested = registered.withPollRequested(NOW.plusSeconds(5));

        var merged = polled.mergedWith(requested);

        assertThat(merged.status().revision()).isEqualTo(1);
        assertThat(merged.pollRequestedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(merged.isDue(NOW.plusSeconds(6))).isTrue();
        var handled = merged.withStatus(merged.status()
                .succeeded(NOW.plusSeconds(7), "success", 0, 0, INTERVAL, null, null)
                .withPollRequestsHandled(merged.pollRequests()));
        assertThat(handled.isDue(NOW.plusSeconds(8))).isFalse();
        assertThat(requested.mergedWith(handled).isDue(NOW.plusSeconds(8))).isFalse();
    }
}
