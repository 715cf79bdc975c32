package io.newsflow.search.api;

import io.newsflow.search.query.ArticleHit;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchResult;
import io.newsflow.search.stories.StoryDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
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
// every operation reads Elasticsearch
@ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
class SearchController {

    private static final String ID = "The article's id";
    private static final String SIZE = "How many to answer, from 1 to `newsflow.search.max-page-size` (100 by default)";
    private static final String WINDOW =
            "How far back to look: `90m`, `24h`, `7d` or ISO-8601 (`PT24H`)," + " from 1 minute to 3650 days";

    private final ArticleSearch search;
    private final Clock clock;

    SearchController(ArticleSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Schema(description = "The articles most like one article")
    record Similar(@Schema(description = ID) String id, List<ArticleHit> similar) {}

    @Schema(description = "Completions of a prefix, best first")
    record Suggestions(String prefix, List<String> suggestions) {}

    @Schema(description = "Stories, latest first")
    record Stories(List<ArticleSearch.Story> stories) {}

    /** Parameters: see {@link SearchParameters}. */
    @GetMapping("/search")
    @Tag(name = ProblemResponses.SEARCH_TAG)
    @Operation(
            operationId = "search",
            summary = "Search the articles",
            description = "Full-text search in simple_query_string syntax, with `OR`, `AND` and `NOT` as words,"
                    + " narrowed by filters; answers one page of hits with highlights, the facet counts and the date"
                    + " histogram of everything that matched, and the cursor of the next page. Each facet bucket has"
                    + " the `value` its filter takes (a Media Topic code for `categories`, an entity's stable key for"
                    + " `people`, `organizations` and `places`), the `name` to show and the `count`. Unknown parameters"
                    + " are refused, so that a typo never silently widens a search.")
    @ApiResponse(responseCode = "200", description = "One page of the results")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    SearchResult search(
            @Valid @ParameterObject SearchParameters parameters,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, SearchParameters.names(), SearchParameters.SINGLE);
        return search.search(parameters.toQuery());
    }

    @GetMapping("/articles/{id}")
    @Tag(name = ProblemResponses.ARTICLES_TAG)
    @Operation(
            operationId = "getArticle",
            summary = "One article",
            description = "An article with everything the index holds on it: entities with mention counts, keywords"
                    + " with scores, category with confidence, its story and the story's size.")
    @ApiResponse(
            responseCode = "200",
            description = "The article",
            content = @Content(schema = @Schema(implementation = ArticleHit.class)))
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> article(@Parameter(description = ID) @PathVariable String id) {
        return search.find(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("No article with id " + id));
    }

    @GetMapping("/articles/{id}/similar")
    @Tag(name = ProblemResponses.ARTICLES_TAG)
    @Operation(
            operationId = "getSimilarArticles",
            summary = "Articles like one article",
            description = "The articles most like the given one by the terms and entities the stories compare"
                    + " (`score`: their similarity, 0 to 1), best first, at any time; by more-like-this on title and"
                    + " text for an article without keywords, entities or title words.")
    @ApiResponse(
            responseCode = "200",
            description = "The similar articles",
            content = @Content(schema = @Schema(implementation = Similar.class)))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> similar(
            @Parameter(description = ID) @PathVariable String id,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "10") @PageSize int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("size"), Set.of("size"));
        return search.similar(id, size)
                .<ResponseEntity<?>>map(hits -> ResponseEntity.ok(new Similar(id, hits)))
                .orElseGet(() -> notFound("No article with id " + id));
    }

    @GetMapping("/suggest")
    @Tag(name = ProblemResponses.SUGGEST_TAG)
    @Operation(
            operationId = "suggest",
            summary = "Complete a prefix",
            description = "Titles and entity names that start with the typed prefix, as typed, for a search box's"
                    + " completions.")
    @ApiResponse(responseCode = "200", description = "The completions")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    Suggestions suggest(
            @Parameter(description = "What was typed so far, 1 to 100 characters")
                    @RequestParam
                    @NotBlank(message = "prefix must have 1 to 100 characters")
                    @Size(max = 100, message = "prefix must have 1 to 100 characters")
                    String prefix,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "10") @PageSize int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("prefix", "size"), Set.of("prefix", "size"));
        return new Suggestions(prefix, search.suggest(prefix, size));
    }

    @GetMapping("/trending")
    @Tag(name = ProblemResponses.TRENDING_TAG)
    @Operation(
            operationId = "trending",
            summary = "Terms rising now",
            description = "The tags and entities significantly more frequent in the window than in the whole index,"
                    + " by field, most significant first. A tag that is the name of a rising person, organisation or"
                    + " place is listed as that entity only.")
    @ApiResponse(responseCode = "200", description = "The rising terms")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    ArticleSearch.Trending trending(
            @Parameter(description = WINDOW, schema = @Schema(type = "string", defaultValue = "24h"))
                    @RequestParam(defaultValue = "24h")
                    @Window
                    Duration window,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "10") @PageSize int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("window", "size"), Set.of("window", "size"));
        return search.trending(window, clock.instant(), size);
    }

    @GetMapping("/stories")
    @Tag(name = ProblemResponses.STORIES_TAG)
    @Operation(
            operationId = "listStories",
            summary = "Recent stories",
            description = "The stories with at least `minArticles` articles published in the window, the biggest"
                    + " first, then the latest: id, the title of the first article, article count, sources, languages,"
                    + " category, top people, organisations and places, first and last publication time.")
    @ApiResponse(responseCode = "200", description = "The stories")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    Stories stories(
            @Parameter(description = WINDOW, schema = @Schema(type = "string", defaultValue = "72h"))
                    @RequestParam(defaultValue = "72h")
                    @Window
                    Duration window,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @PageSize int size,
            @Parameter(description = "The fewest articles a story needs to be listed")
                    @RequestParam(defaultValue = "2")
                    @Min(value = 1, message = "minArticles must be 1 or more")
                    int minArticles,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of("window", "size", "minArticles"), Set.of("window", "size", "minArticles"));
        return new Stories(search.stories(clock.instant().minus(window), size, minArticles));
    }

    @GetMapping("/stories/{id}")
    @Tag(name = ProblemResponses.STORIES_TAG)
    @Operation(
            operationId = "getStory",
            summary = "One story",
            description = "A story's articles in the order they were published (id, title, source, time, link,"
                    + " language; the first 500), with the sources that told it and the people, organisations,"
                    + " places and tags it is most about, with how many of its articles have each.")
    @ApiResponse(
            responseCode = "200",
            description = "The story",
            content = @Content(schema = @Schema(implementation = StoryDetail.class)))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> story(
            @Parameter(description = "The story's id, as hits and stories give it") @PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> given) {
        only(given, Set.of(), Set.of());
        return search.story(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("No story with id " + id));
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

    private static ResponseEntity<ProblemDetail> notFound(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
