package io.newsflow.search.admin;

import io.newsflow.search.indexing.Reindexer;
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
class AdminController {

    private final Reindexer reindexer;

    AdminController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /** Starts rebuilding the index from the enriched topic; poll the GET for its progress. */
    @PostMapping("/reindex")
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
    Reindexer.Status reindexStatus() {
        return reindexer.status();
    }
}
