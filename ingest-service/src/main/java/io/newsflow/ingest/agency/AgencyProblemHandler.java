package io.newsflow.ingest.agency;

import io.newsflow.ingest.api.Problems;
import io.newsflow.ingest.intake.IngestMetrics;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An agency item that cannot become an article is a 400 that names the format and every violation found. */
@RestControllerAdvice
class AgencyProblemHandler {

    private final IngestMetrics metrics;

    AgencyProblemHandler(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler
    ProblemDetail invalidAgencyItem(InvalidAgencyItemException e) {
        var problem =
                switch (e.kind()) {
                    case MALFORMED ->
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "malformed-agency-item",
                                "Malformed agency item",
                                e.getMessage());
                    case INVALID ->
                        Problems.of(
                                HttpStatus.BAD_REQUEST, "invalid-agency-item", "Invalid agency item", e.getMessage());
                    case NOT_AN_ARTICLE ->
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "not-an-article",
                                "Agency item carries no article",
                                e.getMessage());
                };
        problem.setProperty("format", e.format());
        problem.setProperty("errors", e.errors());
        metrics.rejected(e.kind() == InvalidAgencyItemException.Kind.MALFORMED ? "malformed" : "invalid");
        return problem;
    }
}
