package io.newsflow.ingest.feeds;

/** Kafka did not acknowledge a write to the feed registry in time. */
class FeedStoreException extends RuntimeException {

    FeedStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
