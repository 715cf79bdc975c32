package io.newsflow.ingest.feeds;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.api.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    private final FeedRegistry registry;
    private final Duration minInterval;

    FeedsController(FeedRegistry registry, IngestProperties properties) {
        this.registry = registry;
        this.minInterval = properties.ingest().feeds().minPollInterval();
    }

    /**
     * @param url the feed's http or https URL
     * @param pollInterval optional, ISO-8601 ({@code PT15M}) or short ({@code 15m}, {@code 2h})
     * @param source optional name of the publication; the feed's own title otherwise
     */
    record FeedRequest(String url, String pollInterval, String source) {}

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
    ResponseEntity<FeedView> register(@RequestBody FeedRequest request) throws FeedFetchException {
        var errors = new ArrayList<InvalidField>();
        var url = url(request.url(), errors);
        var interval = interval(request.pollInterval(), errors);
        if (request.source() != null && request.source().length() > 200) {
            errors.add(new InvalidField("source", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFeedException(errors);
        }
        var registration = registry.register(url, interval, blankToNull(request.source()));
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

    private static URI url(String value, List<InvalidField> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidField("url", "must not be blank"));
            return null;
        }
        try {
            var url = new URI(value.strip());
            var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                errors.add(new InvalidField("url", "must be an absolute http or https URL"));
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            errors.add(new InvalidField("url", "is not a valid URL: " + e.getReason()));
            return null;
        }
    }

    private Duration interval(String value, List<InvalidField> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration interval;
        try {
            interval = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidField("pollInterval", "must be an ISO-8601 duration (PT15M) or like 15m, 2h, 1d"));
            return null;
        }
        if (interval.compareTo(minInterval) < 0) {
            errors.add(new InvalidField("pollInterval", "must be at least " + minInterval));
        }
        return interval;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record InvalidField(String field, String message) {}

    static class InvalidFeedException extends RuntimeException {
        final List<InvalidField> errors;

        InvalidFeedException(List<InvalidField> errors) {
            super("invalid feed registration: " + errors);
            this.errors = List.copyOf(errors);
        }
    }

    static class FeedNotFoundException extends RuntimeException {
        FeedNotFoundException(String id) {
            super("No feed with id " + id);
        }
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidFeedException e) {
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-feed", "Invalid feed", "The feed registration is invalid.");
        problem.setProperty("errors", e.errors);
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
