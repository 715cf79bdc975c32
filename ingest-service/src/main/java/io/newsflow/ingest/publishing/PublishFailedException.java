package io.newsflow.ingest.publishing;

/** Kafka did not acknowledge an event in time: the article was not accepted and the client should retry. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String articleId, Throwable cause) {
        super("Kafka did not acknowledge article " + articleId + ": " + cause.getMessage(), cause);
    }
}
