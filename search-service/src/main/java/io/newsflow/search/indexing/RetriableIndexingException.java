package io.newsflow.search.indexing;

/**
 * Elasticsearch could not take a batch now (unreachable, 429, 5xx): the whole batch is retried, with growing pauses
 * and its partitions paused, until it succeeds (see {@link IndexingBackOff}). Writes are idempotent, so items that did
 * succeed are written again harmlessly.
 */
class RetriableIndexingException extends RuntimeException {

    RetriableIndexingException(String message, Throwable cause) {
        super(message, cause);
    }
}
