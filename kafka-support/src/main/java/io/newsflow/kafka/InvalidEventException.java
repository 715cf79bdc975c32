package io.newsflow.kafka;

/**
 * An event that can never be processed, however often it is retried (an unknown schema version, a missing required
 * field). The error handler sends it straight to the dead-letter topic with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
