package io.newsflow.ingest.api;

import io.newsflow.ingest.api.BatchReader.Location;

/** A batch that is not JSON (or not NDJSON): refused whole, naming where it broke. */
class MalformedBatchException extends RuntimeException {

    private final Integer line;
    private final Location location;

    /**
     * @param line the NDJSON line that is malformed, or {@code null} for a JSON array
     * @param location where the parser stopped: in the whole body for an array, in the line for NDJSON
     */
    MalformedBatchException(String message, Integer line, Location location) {
        super(message);
        this.line = line;
        this.location = location;
    }

    Integer line() {
        return line != null ? line : location == null ? null : location.line();
    }

    Integer column() {
        return location == null ? null : location.column();
    }
}
