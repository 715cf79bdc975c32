package io.newsflow.search.api;

/** A request this service cannot answer as asked; becomes a 400 problem with the message as detail. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
