package io.newsflow.search.api;

import io.newsflow.search.SearchProperties;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SearchController {

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})([mhd])");
    private static final int MAX_PREFIX = 100;

    private final ArticleSearch search;
    private final int maxPageSize;
    private final Clock clock;

    SearchController(ArticleSearch search, SearchProperties properties, Clock clock) {
        this.search = search;
        this.maxPageSize = properties.search().maxPageSize();
        this.clock = clock;
    }

    /** Parameters: see {@link SearchParameters}; unknown ones are refused so that a typo never silently widens. */
    @GetMapping("/search")
    SearchResult search(@RequestParam MultiValueMap<String, String> parameters) {
        return search.search(SearchParameters.parse(parameters, maxPageSize));
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<?> article(@PathVariable String id) {
        return search.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @GetMapping("/articles/{id}/similar")
    ResponseEntity<?> similar(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters) {
        only(parameters, "size");
        var size = bounded(SearchParameters.integer(parameters.getFirst("size"), "size", 10));
        return search.similar(id, size)
                .<ResponseEntity<?>>map(hits -> ResponseEntity.ok(Map.of("id", id, "similar", hits)))
                .orElseGet(() -> notFound(id));
    }

    @GetMapping("/suggest")
    Map<String, Object> suggest(@RequestParam MultiValueMap<String, String> parameters) {
        only(parameters, "prefix", "size");
        var prefix = parameters.getFirst("prefix");
        if (prefix == null || prefix.isBlank() || prefix.length() > MAX_PREFIX) {
            throw new BadRequestException("prefix must have 1 to " + MAX_PREFIX + " characters");
        }
        var size = bounded(SearchParameters.integer(parameters.getFirst("size"), "size", 10));
        return Map.of("prefix", prefix, "suggestions", search.suggest(prefix, size));
    }

    @GetMapping("/trending")
    ArticleSearch.Trending trending(@RequestParam MultiValueMap<String, String> parameters) {
        only(parameters, "window", "size");
        var size = bounded(SearchParameters.integer(parameters.getFirst("size"), "size", 10));
        return search.trending(window(parameters.getFirst("window"), "24h"), clock.instant(), size);
    }

    @GetMapping("/stories")
    Map<String, List<ArticleSearch.Story>> stories(@RequestParam MultiValueMap<String, String> parameters) {
        only(parameters, "window", "size", "minArticles");
        var window = window(parameters.getFirst("window"), "72h");
        var size = bounded(SearchParameters.integer(parameters.getFirst("size"), "size", 20));
        var minArticles = SearchParameters.integer(parameters.getFirst("minArticles"), "minArticles", 2);
        if (minArticles < 1) {
            throw new BadRequestException("minArticles must be 1 or more");
        }
        return Map.of("stories", search.stories(clock.instant().minus(window), size, minArticles));
    }

    /** {@code 90m}, {@code 24h}, {@code 7d}. */
    static Duration window(String value, String defaultValue) {
        var matcher = WINDOW.matcher(value == null ? defaultValue : value.strip());
        if (!matcher.matches()) {
            throw new BadRequestException("window must be minutes, hours or days like 90m, 24h or 7d, not " + value);
        }
        var amount = Long.parseLong(matcher.group(1));
        var window =
                switch (matcher.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
        if (window.isZero() || window.compareTo(Duration.ofDays(3_650)) > 0) {
            throw new BadRequestException("window must be between 1m and 3650d");
        }
        return window;
    }

    private int bounded(int size) {
        if (size < 1 || size > maxPageSize) {
            throw new BadRequestException("size must be between 1 and " + maxPageSize);
        }
        return size;
    }

    static void only(MultiValueMap<String, String> parameters, String... known) {
        var unknown = parameters.keySet().stream()
                .filter(name -> !List.of(known).contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("unknown parameters " + unknown + "; known are " + List.of(known));
        }
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No article with id " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
