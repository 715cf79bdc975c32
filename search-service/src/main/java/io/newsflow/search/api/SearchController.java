package io.newsflow.search.api;

import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newsroom's read API. Parameters are typed and validated; unknown ones are refused as well, so that a typo never
 * silently widens a search.
 */
@RestController
@RequestMapping("/api/v1")
class SearchController {

    private static final String WINDOW_RANGE = "window must be between 1m and 3650d";

    private final ArticleSearch search;
    private final Clock clock;

    SearchController(ArticleSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    /** Parameters: see {@link SearchParameters}. */
    @GetMapping("/search")
    SearchResult search(@Valid SearchParameters parameters, @RequestParam MultiValueMap<String, String> given) {
        only(given, SearchParameters.names(), SearchParameters.SINGLE);
        return search.search(parameters.toQuery());
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<?> article(@PathVariable String id) {
        return search.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @GetMapping("/articles/{id}/similar")
    ResponseEntity<?> similar(
            @PathVariable String id,
            @RequestParam(defaultValue = "10") @PageSize int size,
            @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("size"), Set.of("size"));
        return search.similar(id, size)
                .<ResponseEntity<?>>map(hits -> ResponseEntity.ok(Map.of("id", id, "similar", hits)))
                .orElseGet(() -> notFound(id));
    }

    @GetMapping("/suggest")
    Map<String, Object> suggest(
            @RequestParam
                    @NotBlank(message = "prefix must have 1 to 100 characters")
                    @Size(max = 100, message = "prefix must have 1 to 100 characters")
                    String prefix,
            @RequestParam(defaultValue = "10") @PageSize int size,
            @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("prefix", "size"), Set.of("prefix", "size"));
        return Map.of("prefix", prefix, "suggestions", search.suggest(prefix, size));
    }

    @GetMapping("/trending")
    ArticleSearch.Trending trending(
            @RequestParam(defaultValue = "24h")
                    @DurationMin(minutes = 1, message = WINDOW_RANGE)
                    @DurationMax(days = 3_650, message = WINDOW_RANGE)
                    Duration window,
            @RequestParam(defaultValue = "10") @PageSize int size,
            @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("window", "size"), Set.of("window", "size"));
        return search.trending(window, clock.instant(), size);
    }

    @GetMapping("/stories")
    Map<String, List<ArticleSearch.Story>> stories(
            @RequestParam(defaultValue = "72h")
                    @DurationMin(minutes = 1, message = WINDOW_RANGE)
                    @DurationMax(days = 3_650, message = WINDOW_RANGE)
                    Duration window,
            @RequestParam(defaultValue = "20") @PageSize int size,
            @RequestParam(defaultValue = "2") @Min(value = 1, message = "minArticles must be 1 or more")
                    int minArticles,
            @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("window", "size", "minArticles"), Set.of("window", "size", "minArticles"));
        return Map.of("stories", search.stories(clock.instant().minus(window), size, minArticles));
    }

    /** The checks binding cannot make: parameters it would ignore, and values it would join with commas. */
    private static void only(MultiValueMap<String, String> given, Set<String> known, Set<String> single) {
        var unknown = given.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("unknown parameters " + unknown + "; known are "
                    + known.stream().sorted().toList());
        }
        single.stream()
                .filter(name -> given.getOrDefault(name, List.of()).size() > 1)
                .findFirst()
                .ifPresent(name -> {
                    throw new BadRequestException("parameter " + name + " may be given once");
                });
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No article with id " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
