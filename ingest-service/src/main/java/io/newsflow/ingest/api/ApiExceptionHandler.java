package io.newsflow.ingest.api;

import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.ingest.intake.IngestNotReadyException;
import io.newsflow.ingest.intake.StaleVersionException;
import io.newsflow.ingest.publishing.PublishFailedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Answers every error with RFC 9457 problem details. Spring MVC's own exceptions (malformed JSON, validation, media
 * type) are handled by the base class and refined here; this adds the ones of our own. Bad input is always a 4xx.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final IngestMetrics metrics;

    ApiExceptionHandler(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /** Names every invalid field, so that a client can fix its request without guessing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = e.getBody();
        problem.setType(URI.create(Problems.BASE + "invalid-article"));
        problem.setDetail("The article is invalid.");
        problem.setProperty("errors", invalidFields(e.getBindingResult()));
        refused("invalid", request);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** JSON that does not parse says where it broke; JSON of the wrong shape names the field, like validation does. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        switch (e.getCause()) {
            case StreamReadException malformed -> {
                problem.setType(URI.create(Problems.BASE + "malformed-json"));
                problem.setTitle("Malformed JSON");
                problem.setDetail(malformed.getOriginalMessage());
                if (malformed.getLocation() != null) {
                    problem.setProperty("line", malformed.getLocation().getLineNr());
                    problem.setProperty("column", malformed.getLocation().getColumnNr());
                }
                refused("malformed", request);
            }
            case DatabindException invalid -> {
                problem.setType(URI.create(Problems.BASE + "invalid-article"));
                problem.setDetail("The article is invalid.");
                problem.setProperty(
                        "errors", List.of(new InvalidField(fieldPath(invalid), invalid.getOriginalMessage())));
                refused("invalid", request);
            }
            case null, default -> {
                problem.setType(URI.create(Problems.BASE + "malformed-json"));
                problem.setTitle("Malformed JSON");
                problem.setDetail("The request body is missing or is not JSON.");
                refused("malformed", request);
            }
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        refused("unsupported-media-type", request);
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    static List<InvalidField> invalidFields(BindingResult result) {
        var fields = result.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()));
        var global = result.getGlobalErrors().stream().map(error -> new InvalidField(null, error.getDefaultMessage()));
        return Stream.concat(fields, global)
                .sorted(Comparator.comparing(InvalidField::message))
                .toList();
    }

    /** {@code authors[1]}, {@code source.name}: where in the article Jackson gave up. */
    static String fieldPath(DatabindException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    record InvalidField(String field, String message) {}

    @ExceptionHandler
    ProblemDetail malformedBatch(MalformedBatchException e, NativeWebRequest request) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed batch", e.getMessage());
        if (e.line() != null) {
            problem.setProperty("line", e.line());
        }
        if (e.column() != null) {
            problem.setProperty("column", e.column());
        }
        refused("malformed", request);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail contentTooLarge(ContentTooLargeException e, NativeWebRequest request) {
        var problem =
                Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large", e.getMessage());
        problem.setProperty("limit", e.limit().toBytes());
        refused("too-large", request);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooManyItems(TooManyItemsException e, NativeWebRequest request) {
        var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-items", "Too many articles", e.getMessage());
        problem.setProperty("limit", e.limit());
        refused("too-many-items", request);
        return problem;
    }

    /** Names both versions, so that the agency's client can tell an out-of-order delivery from a wrong version. */
    @ExceptionHandler
    ProblemDetail staleVersion(StaleVersionException e, NativeWebRequest request) {
        var problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version", e.getMessage());
        problem.setProperty("articleId", e.articleId());
        problem.setProperty("recordedRevision", e.recordedRevision());
        problem.setProperty("recordedVersion", e.recordedVersion());
        problem.setProperty("sentVersion", e.sentVersion());
        refused("stale-version", request);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail kafkaUnavailable(PublishFailedException e) {
        var problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "publish-failed",
                "Article not accepted",
                "The article was not accepted because Kafka did not acknowledge it; retry later.");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notReady(IngestNotReadyException e) {
        var problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready", e.getMessage() + "; retry later.");
        return problem;
    }

    /** A refused single-article request is one rejected article; a refused batch has no countable articles. */
    private void refused(String reason, WebRequest request) {
        if (request instanceof NativeWebRequest servlet
                && servlet.getNativeRequest() instanceof HttpServletRequest http
                && RequestSizeLimitFilter.ARTICLES.equals(http.getRequestURI())) {
            metrics.rejected(reason);
        }
    }
}
