package io.newsflow.ingest.api;

/** A batch with more articles than {@code newsflow.ingest.limits.max-batch-items}. */
class TooManyItemsException extends RuntimeException {

    private final int limit;

    TooManyItemsException(int limit) {
        super("A batch may carry at most " + limit + " articles");
        this.limit = limit;
    }

    int limit() {
        return limit;
    }
}
