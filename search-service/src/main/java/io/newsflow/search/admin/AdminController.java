package io.newsflow.search.admin;

import io.newsflow.search.api.ProblemResponses;
import io.newsflow.search.indexing.Reindexer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
@SecurityRequirement(name = ProblemResponses.ADMIN_TOKEN)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class AdminController {

    private final Reindexer reindexer;

    AdminController(Reindexer reindexer) {
        this.reindexer = reindexer;
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
            content = @Content(schema = @Schema(implementation = Reindexer.Status.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    ResponseEntity<?> reindex() throws IOException {
        return reindexer
                .start()
                .<ResponseEntity<?>>map(status -> ResponseEntity.accepted().body(status))
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
    Reindexer.Status reindexStatus() {
        return reindexer.status();
    }
}
