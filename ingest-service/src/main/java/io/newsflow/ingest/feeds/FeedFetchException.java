package io.newsflow.ingest.feeds;

import java.util.Locale;

/** A feed could not be fetched; {@link #reason()} is what the poll's status and metrics report. */
class FeedFetchException extends Exception {

    enum Reason {
        /** The URL or a redirect is not allowed: scheme, or an address the SSRF policy refuses. */
        REFUSED,
        TOO_LARGE,
        HTTP_ERROR,
        TIMEOUT,
        NETWORK_ERROR,
        TOO_MANY_REDIRECTS;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    FeedFetchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    FeedFetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
