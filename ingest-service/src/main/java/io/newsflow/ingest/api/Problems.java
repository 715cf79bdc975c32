package io.newsflow.ingest.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details of the ingest API, each with a type under one base URI. */
public final class Problems {

    static final String BASE = "https://newsflow.io/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
