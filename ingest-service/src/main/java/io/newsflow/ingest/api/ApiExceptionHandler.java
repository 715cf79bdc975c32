package io.newsflow.ingest.api;

import io.newsflow.ingest.publishing.PublishFailedException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with RFC 9457 problem details. Spring MVC's own exceptions (malformed JSON, validation, media
 * type) are handled by the base class; this adds the ones of our own.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Names every invalid field, so that a client can fix its request without guessing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = e.getBody();
        problem.setDetail("The article is invalid.");
        problem.setProperty("errors", invalidFields(e.getBindingResult()));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    static List<InvalidField> invalidFields(BindingResult result) {
        var fields = result.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()));
        var global = result.getGlobalErrors().stream().map(error -> new InvalidField(null, error.getDefaultMessage()));
        return Stream.concat(fields, global)
                .sorted(Comparator.comparing(InvalidField::message))
                .toList();
    }

    record InvalidField(String field, String message) {}

    @ExceptionHandler
    ProblemDetail kafkaUnavailable(PublishFailedException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The article was not accepted because Kafka did not acknowledge it; retry later.");
        problem.setType(URI.create("https://newsflow.io/problems/publish-failed"));
        problem.setTitle("Article not accepted");
        return problem;
    }
}
