package io.newsflow.ingest.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.ingest.api.ProblemResponses;
import io.newsflow.ingest.api.Problems;
import io.newsflow.ingest.state.Ledger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = ProblemResponses.ARTICLES_TAG)
class ArticleStatusController {

    /** What ingest knows of an article: its latest published revision and the state of its page's latest fetch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ArticleStatus", description = "The article's latest published revision and its page's fetch")
    record ArticleStatus(
            String id,
            @Schema(description = "The latest revision published; absent while nothing is published yet") Long revision,
            @Schema(description = "The latest fetch of its page; absent when it was never fetched")
                    FetchStatus fetch) {}

    static final class ArticleNotFoundException extends RuntimeException {
        ArticleNotFoundException(String id) {
            super("No article " + id + " was published or queued here");
        }
    }

    private final Ledger ledger;
    private final FetchStatusStore statuses;

    ArticleStatusController(Ledger ledger, FetchStatusStore statuses) {
        this.ledger = ledger;
        this.statuses = statuses;
    }

    @Operation(
            operationId = "getArticleStatus",
            summary = "The ingest status of an article",
            description = "The latest revision published under the id (what `POST /api/v1/articles` answered), and,"
                    + " for an article whose page is fetched, the fetch's state: `queued`, `retrying` (with the last"
                    + " failure's `reason`, e.g. `http-503`, `timeout`), `fetched`, `not-modified`, or `failed` (the"
                    + " article was published with what it came with; `reason` says why, e.g. `robots-disallowed`).")
    @ApiResponse(responseCode = "200", description = "The article's status")
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @GetMapping(path = "/api/v1/articles/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ArticleStatus status(@Parameter(description = "The article's id") @PathVariable String id) {
        var revision = ledger.get(id).map(state -> state.revision());
        var fetch = statuses.find(id);
        if (revision.isEmpty() && fetch.isEmpty()) {
            throw new ArticleNotFoundException(id);
        }
        return new ArticleStatus(id, revision.orElse(null), fetch.orElse(null));
    }

    @ExceptionHandler
    ProblemDetail notFound(ArticleNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", e.getMessage());
    }
}
