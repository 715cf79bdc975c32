package io.newsflow.infra.load;

import io.newsflow.infra.InfraException;

/** Loading cannot go on: ingest is unreachable or refused a whole request; the message says what to do. */
class LoadException extends InfraException {

    LoadException(String message) {
        super(message);
    }

    LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
