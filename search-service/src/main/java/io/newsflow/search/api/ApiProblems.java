package io.newsflow.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad requests as RFC 9457 problem details. Spring's own exceptions (missing parameters, wrong media types, ...) keep
 * their problem details; invalid parameters get a detail that names each of them and says what is expected, from the
 * constraint messages and {@code messages.properties}, and the same one by one in {@code errors}. Elasticsearch out of
 * reach is a 503 problem.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One invalid parameter or field; no name for a rule that spans several (such as from before to). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvalidParameter(String name, String message) {}

    /** An error, and the parameter it is about when it is about one. */
    private record Invalid(String name, MessageSourceResolvable error) {}

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return badRequest(e.getMessage());
    }

    /** Elasticsearch did not answer: the queries and the saved-search store wrap its transport errors. */
    @ExceptionHandler(UncheckedIOException.class)
    ProblemDetail unavailable(UncheckedIOException e) {
        log.warn("Elasticsearch did not answer: {}", e.getMessage());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The search index cannot be reached; retry later");
        problem.setTitle("Service unavailable");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getAllErrors().stream()
                .map(error -> new Invalid(
                        // an @AssertTrue method is a rule across parameters, named after no parameter
                        error instanceof FieldError field && !"AssertTrue".equals(field.getCode())
                                ? field.getField()
                                : null,
                        error));
        return invalid(e, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream().flatMap(result -> result.getResolvableErrors().stream()
                .map(error -> new Invalid(result.getMethodParameter().getParameterName(), error)));
        return invalid(e, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = Objects.requireNonNullElse(e.getPropertyName(), "parameter");
        var error = new DefaultMessageSourceResolvable(
                new String[] {"typeMismatch." + name}, "parameter " + name + " has an invalid value");
        return invalid(e, Stream.of(new Invalid(e.getPropertyName(), error)), headers, request);
    }

    private ResponseEntity<Object> invalid(
            Exception e, Stream<Invalid> errors, HttpHeaders headers, WebRequest request) {
        var invalid = errors.map(
                        error -> new InvalidParameter(error.name(), message(error.error(), request.getLocale())))
                .distinct()
                .sorted(Comparator.comparing(InvalidParameter::message))
                .toList();
        var detail = invalid.stream()
                .map(InvalidParameter::message)
                .distinct()
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        var problem = badRequest(detail);
        problem.setProperty("errors", invalid);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
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
