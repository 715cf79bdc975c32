package io.newsflow.infra;

/** A local process could not be found, started, reached or stopped; the message says what to do about it. */
public class InfraException extends RuntimeException {

    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
