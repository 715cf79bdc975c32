package io.newsflow.search.api;

import io.newsflow.search.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SearchController {

    private final ArticleIndex index;
    private final int maxPageSize;

    SearchController(ArticleIndex index, SearchProperties properties) {
        this.index = index;
        this.maxPageSize = properties.search().maxPageSize();
    }

    @GetMapping("/search")
    ResponseEntity<?> search(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        if (size < 1 || size > maxPageSize) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "size must be between 1 and " + maxPageSize));
        }
        return ResponseEntity.ok(index.search(query, size));
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<?> article(@PathVariable String id) {
        return index.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.status(
                        HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No article with id " + id)));
    }
}
