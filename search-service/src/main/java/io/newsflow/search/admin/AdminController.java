package io.newsflow.search.admin;

import io.newsflow.search.api.ProblemResponses;
import io.newsflow.search.indexing.Reindexer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints, behind the admin bearer token (see {@link AdminAuthorization}). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = ProblemResponses.ADMIN_TAG)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class AdminController {

    private final Reindexer reindexer;

    AdminController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @Schema(name = "ReindexStatus", description = "The latest rebuild of the index, or none yet (idle)")
    record ReindexStatus(
            Reindexer.State state,
            @Schema(description = "The index searches read when it started") String from,
            @Schema(description = "The index it builds, which the alias moves to when it is done") String to,
            @Schema(description = "Events from the enriched topic written to the new index so far") long replayed,
            Instant startedAt,
            Instant finishedAt,
            @Schema(description = "Why it failed") String error) {

        static ReindexStatus of(Reindexer.Status status) {
            return new ReindexStatus(
                    status.state(),
                    status.from(),
                    status.to(),
                    status.replayed(),
                    status.startedAt(),
                    status.finishedAt(),
                    status.error());
        }
    }

    /** Starts rebuilding the index from the enriched topic; poll the GET for its progress. */
    @PostMapping("/reindex")
    @Operation(
            operationId = "startReindex",
            summary = "Rebuild the index",
            description = "Starts rebuilding the index from the enriched topic into a new index, which the alias"
                    + " moves to when it is done; poll the GET for its progress.")
    @ApiResponse(
            responseCode = "202",
            description = "Started; its status so far",
            content = @Content(schema = @Schema(implementation = ReindexStatus.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    // finding the index to rebuild asks Elasticsearch
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    ResponseEntity<?> reindex() {
        return start().<ResponseEntity<?>>map(
                        status -> ResponseEntity.accepted().body(ReindexStatus.of(status)))
                .orElseGet(() -> {
                    var problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT, "A reindex is running already: " + reindexer.status());
                    problem.setTitle("Reindex running");
                    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
                });
    }

    @GetMapping("/reindex")
    @Operation(
            operationId = "getReindexStatus",
            summary = "The reindex's progress",
            description = "The state of the latest reindex: idle, running, done or failed, and how far it got.")
    @ApiResponse(responseCode = "200", description = "Its status")
    ReindexStatus reindexStatus() {
        return ReindexStatus.of(reindexer.status());
    }

    /** Elasticsearch out of reach is the 503 problem of the whole API (ApiProblems), which takes it unchecked. */
    private Optional<Reindexer.Status> start() {
        try {
            return reindexer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
