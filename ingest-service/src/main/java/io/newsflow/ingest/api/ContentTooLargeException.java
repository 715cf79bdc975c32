package io.newsflow.ingest.api;

import org.springframework.util.unit.DataSize;

/**
 * A request body over its limit. Unchecked on purpose: thrown from inside the request's input stream, it passes
 * through Jackson and Spring's message converters unwrapped, so that the advice can answer 413 instead of 400.
 */
class ContentTooLargeException extends RuntimeException {

    private final DataSize limit;

    ContentTooLargeException(DataSize limit) {
        super("The request body is larger than " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    DataSize limit() {
        return limit;
    }
}
