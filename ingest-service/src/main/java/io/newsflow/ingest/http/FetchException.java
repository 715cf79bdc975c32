package io.newsflow.ingest.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A URL could not be fetched; {@link #reason()} is what a poll's or a fetch's status and metrics report. */
public class FetchException extends Exception {

    public enum Reason {
        /** The URL or a redirect is not allowed: scheme, or an address the SSRF policy refuses. */
        REFUSED,
        TOO_LARGE,
        HTTP_ERROR,
        TIMEOUT,
        NETWORK_ERROR,
        TOO_MANY_REDIRECTS,
        /** The response is not of a media type the caller takes (a page that is not HTML or XHTML). */
        UNSUPPORTED_MEDIA_TYPE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final int status;
    private final Duration retryAfter;

    public FetchException(Reason reason, String message) {
        this(reason, message, null);
    }

    public FetchException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, 0, null);
    }

    FetchException(Reason reason, String message, Throwable cause, int status, Duration retryAfter) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of a refused response, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The wait a 429 or 503 asked for with {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
