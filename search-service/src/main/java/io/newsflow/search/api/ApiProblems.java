package io.newsflow.search.api;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad requests as RFC 9457 problem details. Spring's own exceptions (missing parameters, wrong media types, ...) keep
 * their problem details; invalid parameters get a detail that names each of them and says what is expected, from the
 * constraint messages and {@code messages.properties}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return badRequest(e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e, e.getAllErrors().stream(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e, e.getAllErrors().stream(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = Objects.requireNonNullElse(e.getPropertyName(), "parameter");
        var error = new DefaultMessageSourceResolvable(
                new String[] {"typeMismatch." + name}, "parameter " + name + " has an invalid value");
        return invalid(e, Stream.of(error), headers, request);
    }

    private ResponseEntity<Object> invalid(
            Exception e, Stream<? extends MessageSourceResolvable> errors, HttpHeaders headers, WebRequest request) {
        var detail = errors.map(error -> message(error, request.getLocale()))
                .distinct()
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return handleExceptionInternal(e, badRequest(detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    private String message(MessageSourceResolvable error, Locale locale) {
        var messages = getMessageSource();
        if (messages == null) {
            return Objects.requireNonNullElse(error.getDefaultMessage(), "invalid value");
        }
        return messages.getMessage(error, locale);
    }

    private static ProblemDetail badRequest(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request");
        return problem;
    }
}
