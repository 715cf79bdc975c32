package io.newsflow.ingest.feeds;

import io.newsflow.ingest.api.ProblemResponses;
import io.newsflow.ingest.api.Problems;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.security.Audit;
import io.newsflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/feeds")
@Tag(name = ProblemResponses.FEEDS_TAG)
class FeedsController {

    /** The order in which a refused registration names its fields. */
    private static final List<String> FIELDS = List.of("url", "pollInterval", "source");

    private static final String ID = "The feed's id, as its registration answered it";

    /** The hex of the first 8 bytes of the SHA-256 of the feed's URL ({@link FeedRegistry#idOf}). */
    private static final String ID_PATTERN = "^[0-9a-f]{16}$";

    private final FeedRegistry registry;
    private final Audit audit;

    FeedsController(FeedRegistry registry, Audit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /**
     * @param url the feed's http or https URL
     * @param pollInterval optional, ISO-8601 ({@code PT15M}) or short ({@code 15m}, {@code 2h})
     * @param source optional name of the publication; the feed's own title otherwise
     */
    @Schema(description = "A feed to register")
    record FeedRequest(
            @Schema(format = "uri", description = "The feed's http or https URL", example = "https://example.com/rss")
                    @NotBlank
                    @FeedConstraints.HttpUrl
                    String url,
            @Schema(
                            description = "How often to poll: ISO-8601 (`PT15M`) or short (`15m`, `2h`, `1d`), at"
                                    + " least `newsflow.ingest.feeds.min-poll-interval`; the default when absent",
                            example = "15m")
                    @FeedConstraints.PollInterval
                    String pollInterval,
            @Schema(description = "The publication's name; the feed's own title when absent")
                    @Size(max = 200, message = "must be at most 200 characters")
                    String source) {

        URI parsedUrl() {
            return FeedConstraints.httpUrl(url).orElseThrow();
        }

        Duration parsedPollInterval() {
            return pollInterval == null || pollInterval.isBlank() ? null : FeedConstraints.pollInterval(pollInterval);
        }
    }

    @Schema(name = "Feed", description = "A registered feed and its polling status")
    record FeedView(
            String id,
            String url,
            String source,
            Duration pollInterval,
            Instant registeredAt,
            Instant pollRequestedAt,
            Status status) {

        @Schema(name = "FeedStatus", description = "How the polling of a feed goes")
        record Status(
                Instant lastPolledAt,
                Instant lastSucceededAt,
                String lastOutcome,
                long itemsSeen,
                long articlesPublished,
                int consecutiveFailures,
                String lastError,
                Instant nextPollAt) {}

        static FeedView of(FeedRecord feed) {
            var s = feed.status();
            return new FeedView(
                    feed.id(),
                    feed.url(),
                    feed.sourceName(),
                    feed.pollInterval(),
                    feed.registeredAt(),
                    feed.pollRequestedAt(),
                    new Status(
                            s.lastPolledAt(),
                            s.lastSucceededAt(),
                            s.lastOutcome(),
                            s.itemsSeen(),
                            s.articlesPublished(),
                            s.consecutiveFailures(),
                            s.lastError(),
                            s.nextPollAt()));
        }
    }

    @Operation(
            operationId = "registerFeed",
            summary = "Register a feed",
            description = "Registers an RSS or Atom feed, which the service then polls every `pollInterval`"
                    + " (conditional GET, backoff on failure) and publishes its new items as articles. The URL is"
                    + " checked first: loopback, private and link-local addresses are refused unless allowed."
                    + " Registering the same URL again answers the existing feed.")
    @ApiResponse(
            responseCode = "201",
            description = "Registered; Location is the feed's URL",
            headers =
                    @Header(
                            name = "Location",
                            description = "The URL of the new feed",
                            schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "200", description = "Already registered: the existing feed")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(
            responseCode = "409",
            description = "The caller's key is bound to a source, and the URL is a feed of another source",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedView> register(@Valid @RequestBody FeedRequest request) throws FetchException {
        var bound = Caller.current().source();
        // as with pushed articles, a caller bound to a source registers feeds of that source only
        var source = bound.orElse(blankToNull(request.source()));
        var registration = registry.register(request.parsedUrl(), request.parsedPollInterval(), source);
        if (!visible(registration.feed())) {
            throw new FeedOfAnotherSourceException();
        }
        var view = FeedView.of(registration.feed());
        if (!registration.created()) {
            return ResponseEntity.ok(view);
        }
        audit.record(
                "feed.registered",
                view.id(),
                Map.of(
                        "url",
                        view.url(),
                        "source",
                        Objects.requireNonNullElse(view.source(), "(feed title)"),
                        "pollInterval",
                        view.pollInterval()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(view.id())
                .toUri();
        return ResponseEntity.created(location).body(view);
    }

    @Operation(
            operationId = "listFeeds",
            summary = "List the registered feeds",
            description = "Every registered feed with its polling status, oldest registration first.")
    @ApiResponse(responseCode = "200", description = "The feeds")
    @GetMapping
    List<FeedView> list() {
        return registry.list().stream()
                .filter(FeedsController::visible)
                .map(FeedView::of)
                .toList();
    }

    @Operation(
            operationId = "getFeed",
            summary = "Get a feed",
            description = "The feed with its polling status: last poll, outcome, counts, next poll.")
    @ApiResponse(responseCode = "200", description = "The feed")
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @GetMapping("/{id}")
    ResponseEntity<FeedView> get(
            @Parameter(description = ID, schema = @Schema(pattern = ID_PATTERN)) @PathVariable String id) {
        return ResponseEntity.ok(find(id).map(FeedView::of).orElseThrow(() -> new FeedNotFoundException(id)));
    }

    @Operation(
            operationId = "deleteFeed",
            summary = "Delete a feed",
            description = "Stops polling the feed and forgets it; the articles it brought stay.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @Parameter(description = ID, schema = @Schema(pattern = ID_PATTERN)) @PathVariable String id) {
        var feed = find(id).orElseThrow(() -> new FeedNotFoundException(id));
        if (!registry.delete(id)) {
            throw new FeedNotFoundException(id);
        }
        audit.record(
                "feed.deleted",
                id,
                Map.of("url", feed.url(), "source", Objects.requireNonNullElse(feed.sourceName(), "(feed title)")));
        return ResponseEntity.noContent().build();
    }

    /** 200 with the new status when this instance polled the feed; 202 when its owner will, within seconds. */
    @Operation(
            operationId = "pollFeed",
            summary = "Poll a feed now",
            description = "Polls the feed at once when this instance owns it; otherwise records the request, and"
                    + " the owning instance polls it within seconds.")
    @ApiResponse(responseCode = "200", description = "Polled by this instance: the feed's new status")
    @ApiResponse(responseCode = "202", description = "Requested: the instance that owns the feed polls it shortly")
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @PostMapping("/{id}/poll")
    ResponseEntity<FeedView> pollNow(
            @Parameter(description = ID, schema = @Schema(pattern = ID_PATTERN)) @PathVariable String id) {
        find(id).orElseThrow(() -> new FeedNotFoundException(id));
        var result = registry.pollNow(id).orElseThrow(() -> new FeedNotFoundException(id));
        var view = FeedView.of(result.feed());
        audit.record("feed.poll-requested", id, Map.of("url", view.url(), "polledHere", result.polled()));
        return result.polled()
                ? ResponseEntity.ok(view)
                : ResponseEntity.accepted().body(view);
    }

    /** A feed of another source does not exist for a caller bound to a source. */
    private Optional<FeedRecord> find(String id) {
        return registry.find(id).filter(FeedsController::visible);
    }

    private static boolean visible(FeedRecord feed) {
        return Caller.current()
                .source()
                .map(source -> source.equals(feed.sourceName()))
                .orElse(true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record InvalidField(String field, String message) {}

    static class FeedOfAnotherSourceException extends RuntimeException {
        FeedOfAnotherSourceException() {
            super("This URL is registered as a feed of another source");
        }
    }

    static class FeedNotFoundException extends RuntimeException {
        FeedNotFoundException(String id) {
            super("No feed with id " + id);
        }
    }

    /** Answered here rather than by the API's advice, which words it for articles. */
    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-feed", "Invalid feed", "The feed registration is invalid.");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .sorted(Comparator.comparing(error -> FIELDS.indexOf(error.getField())))
                        .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(FetchException e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "feed-url-refused", "Feed URL refused", e.getMessage());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail anotherSource(FeedOfAnotherSourceException e) {
        return Problems.of(HttpStatus.CONFLICT, "feed-of-another-source", "Feed of another source", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(FeedNotFoundException e) {
        var problem = Problems.of(HttpStatus.NOT_FOUND, "feed-not-found", "Feed not found", e.getMessage());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(FeedStoreException e) {
        var problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "feed-store-unavailable",
                "Feed registry unavailable",
                "Kafka did not acknowledge the change; retry later.");
        return problem;
    }
}
