package io.newsflow.ingest.feeds;

import io.newsflow.ingest.api.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
class FeedsController {

    /** The order in which a refused registration names its fields. */
    private static final List<String> FIELDS = List.of("url", "pollInterval", "source");

    private final FeedRegistry registry;

    FeedsController(FeedRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param url the feed's http or https URL
     * @param pollInterval optional, ISO-8601 ({@code PT15M}) or short ({@code 15m}, {@code 2h})
     * @param source optional name of the publication; the feed's own title otherwise
     */
    record FeedRequest(
            @NotBlank @FeedConstraints.HttpUrl String url,
            @FeedConstraints.PollInterval String pollInterval,
            @Size(max = 200, message = "must be at most 200 characters") String source) {

        URI parsedUrl() {
            return FeedConstraints.httpUrl(url).orElseThrow();
        }

        Duration parsedPollInterval() {
            return pollInterval == null || pollInterval.isBlank() ? null : FeedConstraints.pollInterval(pollInterval);
        }
    }

    record FeedView(
            String id,
            String url,
            String source,
            Duration pollInterval,
            Instant registeredAt,
            Instant pollRequestedAt,
            Status status) {

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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedView> register(@Valid @RequestBody FeedRequest request) throws FeedFetchException {
        var registration =
                registry.register(request.parsedUrl(), request.parsedPollInterval(), blankToNull(request.source()));
        var view = FeedView.of(registration.feed());
        if (!registration.created()) {
            return ResponseEntity.ok(view);
        }
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(view.id())
                .toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping
    List<FeedView> list() {
        return registry.list().stream().map(FeedView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<FeedView> get(@PathVariable String id) {
        return ResponseEntity.ok(registry.find(id).map(FeedView::of).orElseThrow(() -> new FeedNotFoundException(id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!registry.delete(id)) {
            throw new FeedNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** 200 with the new status when this instance polled the feed; 202 when its owner will, within seconds. */
    @PostMapping("/{id}/poll")
    ResponseEntity<FeedView> pollNow(@PathVariable String id) {
        var result = registry.pollNow(id).orElseThrow(() -> new FeedNotFoundException(id));
        var view = FeedView.of(result.feed());
        return result.polled()
                ? ResponseEntity.ok(view)
                : ResponseEntity.accepted().body(view);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record InvalidField(String field, String message) {}

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
    ProblemDetail refused(FeedFetchException e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "feed-url-refused", "Feed URL refused", e.getMessage());
        return problem;
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
