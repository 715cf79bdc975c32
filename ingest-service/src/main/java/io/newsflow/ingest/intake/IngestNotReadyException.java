package io.newsflow.ingest.intake;

/**
 * The ingest state has not been read yet, so this instance cannot tell a duplicate from a new article; the client
 * should retry (readiness is down meanwhile, so a load balancer sends it elsewhere).
 */
public class IngestNotReadyException extends RuntimeException {

    IngestNotReadyException(String message) {
        super(message);
    }
}
