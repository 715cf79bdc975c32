package io.newsflow.search.saved;

import io.newsflow.search.api.BadRequestException;
import io.newsflow.search.query.SearchQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/saved-searches")
class SavedSearchController {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final SavedSearchStore store;
    private final SavedSearchAlerts alerts;
    private final Clock clock;

    SavedSearchController(SavedSearchStore store, SavedSearchAlerts alerts, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What a client sends to save a search. */
    record NewSavedSearch(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1_000) String query,
            Map<String, List<String>> filters) {}

    @PostMapping
    ResponseEntity<SavedSearch> create(@Valid @RequestBody NewSavedSearch request) {
        var filters = request.filters() == null ? Map.<String, List<String>>of() : request.filters();
        toQuery(request.query(), filters);
        var saved = store.save(new SavedSearch(
                UUID.randomUUID().toString(), request.name(), request.query(), filters, clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
                .body(saved);
    }

    @GetMapping
    Map<String, List<SavedSearch>> all() {
        return Map.of("savedSearches", store.all());
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return store.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(@PathVariable String id) {
        return store.delete(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    // no "produces": the emitter sets text/event-stream itself, and a 404 must still be writable as a problem
    @GetMapping("/{id}/stream")
    ResponseEntity<?> stream(@PathVariable String id) throws IOException {
        var saved = store.find(id);
        if (saved.isEmpty()) {
            return notFound(id);
        }
        var query = toQuery(saved.get().query(), saved.get().filters());
        return ResponseEntity.ok(alerts.subscribe(saved.get(), query, STREAM_TIMEOUT));
    }

    private static SearchQuery toQuery(String text, Map<String, List<String>> filters) {
        var byFilter = new LinkedHashMap<SearchQuery.Filter, List<String>>();
        filters.forEach((name, values) -> {
            var filter = SearchQuery.Filter.requestable().stream()
                    .filter(f -> f.parameter().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new BadRequestException("unknown filter " + name + "; known are "
                            + SearchQuery.Filter.requestable().stream()
                                    .map(SearchQuery.Filter::parameter)
                                    .toList()));
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new BadRequestException("filter " + name + " needs one or more non-blank values");
            }
            byFilter.put(filter, values);
        });
        var base = SearchQuery.of(text);
        return new SearchQuery(text, byFilter, null, null, base.sort(), base.size(), 1, null, base.interval());
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No saved search with id " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
