package io.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * A page was not fetched. {@link #reason()} is the tag the status and the metrics show; a retryable failure is tried
 * again after the back-off (a transient network or server error, a busy host), a final one at once lets the article
 * go on with what it had (refused by the SSRF policy or robots.txt, too large, not HTML, a 404).
 */
final class PageFetchException extends Exception {

    private final String reason;
    private final boolean retryable;
    private final int status;
    private final Duration retryAfter;

    PageFetchException(String reason, String detail, boolean retryable, int status, Duration retryAfter) {
        super(detail);
        this.reason = reason;
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    String reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
