package io.newsflow.ingest.feeds;

/** A feed document that could not be read: ill-formed beyond repair, refused as hostile, or not a feed at all. */
class FeedParseException extends Exception {

    private final boolean refused;

    FeedParseException(String message) {
        this(message, false);
    }

    private FeedParseException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** A document refused by policy (hostile or unsafe constructs), as opposed to one that could not be read. */
    static FeedParseException refused(String reason) {
        return new FeedParseException("refused: " + reason, true);
    }

    boolean refused() {
        return refused;
    }

    FeedParseException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.refused = false;
    }
}
