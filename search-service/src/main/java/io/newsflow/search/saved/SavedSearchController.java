package io.newsflow.search.saved;

import io.newsflow.search.api.ProblemResponses;
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
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/saved-searches")
@Tag(name = ProblemResponses.SAVED_SEARCHES_TAG)
// every operation reads Elasticsearch
@ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
class SavedSearchController {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private static final String ID = "The saved search's id, as its creation answered it";

    private final SavedSearchStore store;
    private final SavedSearchAlerts alerts;
    private final Clock clock;

    SavedSearchController(SavedSearchStore store, SavedSearchAlerts alerts, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What a client sends to save a search. */
    @Schema(description = "A search to keep")
    record NewSavedSearch(
            @Schema(description = "What the editor calls it", maxLength = 200) @NotBlank @Size(max = 200) String name,
            @Schema(
                            description = "The query, in the syntax of the search's `q`; every article that passes"
                                    + " the filters when absent",
                            maxLength = 1_000)
                    @Size(max = 1_000)
                    String query,
            @Schema(
                            description = "Filters named like the search parameters (`tag`, `person`, ...), each with"
                                    + " one or more values that are alternatives",
                            example = "{\"tag\": [\"ukraine\"], \"source\": [\"Reuters\"]}")
                    Map<String, List<String>> filters) {}

    @Schema(description = "Every saved search")
    record SavedSearches(List<SavedSearch> savedSearches) {}

    @PostMapping
    @Operation(
            operationId = "createSavedSearch",
            summary = "Save a search",
            description = "Keeps a query and filters under a name; the filters are checked as a search would check"
                    + " them.")
    @ApiResponse(
            responseCode = "201",
            description = "Saved; `Location` is its URL",
            headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    ResponseEntity<SavedSearch> create(@Valid @RequestBody NewSavedSearch request) {
        var filters = request.filters() == null ? Map.<String, List<String>>of() : request.filters();
        SavedSearch.toQuery(request.query(), filters);
        var saved = store.save(new SavedSearch(
                UUID.randomUUID().toString(),
                request.name(),
                request.query(),
                filters,
                clock.instant(),
                Caller.current().id()));
        return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
                .body(saved);
    }

    @GetMapping
    @Operation(
            operationId = "listSavedSearches",
            summary = "List the saved searches",
            description = "Every saved search of the caller.")
    @ApiResponse(responseCode = "200", description = "The saved searches")
    SavedSearches all() {
        return new SavedSearches(store.all(Caller.current().id()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSavedSearch", summary = "One saved search", description = "A saved search by id.")
    @ApiResponse(
            responseCode = "200",
            description = "The saved search",
            content = @Content(schema = @Schema(implementation = SavedSearch.class)))
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> one(@Parameter(description = ID) @PathVariable String id) {
        return store.find(id, Caller.current().id())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteSavedSearch",
            summary = "Delete a saved search",
            description = "Deletes a saved search by id.")
    // an empty @Content: no body, which springdoc would otherwise derive from ResponseEntity<?> as an object
    @ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> delete(@Parameter(description = ID) @PathVariable String id) {
        return store.delete(id, Caller.current().id())
                ? ResponseEntity.noContent().build()
                : notFound(id);
    }

    // no "produces": the emitter sets text/event-stream itself, and a 404 must still be writable as a problem
    @GetMapping("/{id}/stream")
    @Operation(
            operationId = "streamSavedSearchAlerts",
            summary = "Live alerts of a saved search",
            description = "A server-sent event stream for up to 30 minutes (reconnect to go on): `subscribed` with the"
                    + " saved search's id, then an `article` event, the article as JSON, for each newly indexed"
                    + " article that matches the saved search.")
    @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string", description = "Server-sent events")))
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<?> stream(@Parameter(description = ID) @PathVariable String id) throws IOException {
        var saved = store.find(id, Caller.current().id());
        if (saved.isEmpty()) {
            return notFound(id);
        }
        return ResponseEntity.ok(alerts.subscribe(saved.get(), saved.get().toQuery(), STREAM_TIMEOUT));
    }

    // not read as an id: Spring prefers a literal path segment to a variable one, and ids are UUIDs
    @GetMapping("/stream")
    @Operation(
            operationId = "streamAllSavedSearchAlerts",
            summary = "Live alerts of every saved search",
            description = "One server-sent event stream for every saved search, those saved after it opened included,"
                    + " for up to 30 minutes (reconnect to go on): `subscribed`, then an `alert` event for each newly"
                    + " indexed article and each saved search it matches, as JSON"
                    + " `{\"savedSearch\": {\"id\", \"name\"}, \"article\": {...}}` with the article as a search"
                    + " hit. A browser opens few connections to one origin: one stream serves any number of saved"
                    + " searches.")
    @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string", description = "Server-sent events")))
    ResponseEntity<SseEmitter> streamAll() throws IOException {
        return ResponseEntity.ok(
                alerts.subscribeToEverySavedSearch(Caller.current().id(), STREAM_TIMEOUT));
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No saved search with id " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
