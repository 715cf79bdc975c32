package io.newsflow.infra.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ingest service's batch and feed endpoints, as {@code POST /api/v1/articles/batch} and {@code /api/v1/feeds}. */
final class IngestClient {

    /** What ingest answered for one item of a batch. */
    record Outcome(String outcome, Optional<String> id, Optional<Long> revision, Optional<String> reason) {

        static Outcome rejected(String reason) {
            return new Outcome("rejected", Optional.empty(), Optional.empty(), Optional.of(reason));
        }
    }

    /** A registered feed: its id and what ingest answered. */
    record Feed(String id, int status, JsonNode body) {}

    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));

    private final URI ingest;
    private final Optional<String> key;
    private final JsonMapper json;
    private final List<Duration> retries;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param key the API key sent as {@code X-Api-Key} (articles:write, feeds:manage); none for an open ingest */
    IngestClient(URI ingest, Optional<String> key, JsonMapper json) {
        this(ingest, key, json, RETRIES);
    }

    /** @param retries the pauses before each new attempt of a request ingest answered with 503 */
    IngestClient(URI ingest, Optional<String> key, JsonMapper json, List<Duration> retries) {
        this.ingest = ingest;
        this.key = key;
        this.json = json;
        this.retries = List.copyOf(retries);
    }

    URI uri() {
        return ingest;
    }

    /**
     * Posts the items as one NDJSON batch and answers one outcome per item, in order. A 503 (Kafka did not acknowledge
     * in time) is retried; a single item too large for a request is rejected alone.
     */
    List<Outcome> submit(List<Item> items) {
        var ndjson = new StringBuilder();
        for (var item : items) {
            ndjson.append(json.writeValueAsString(item.article())).append('\n');
        }
        var request = authorized(ingest.resolve("/api/v1/articles/batch"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                .build();
        var response = send(request);
        if (response.statusCode() == 413 && items.size() == 1) {
            return List.of(Outcome.rejected("too-large: " + problemDetail(response.body())));
        }
        if (response.statusCode() != 202) {
            throw new LoadException("Ingest refused a batch of " + items.size() + " articles: HTTP "
                    + response.statusCode() + " " + problemDetail(response.body()));
        }
        var results = parse(response.body()).path("results");
        if (!results.isArray() || results.size() != items.size()) {
            throw new LoadException("Ingest answered " + results.size() + " results for a batch of " + items.size()
                    + " articles: " + response.body());
        }
        var outcomes = new ArrayList<Outcome>(items.size());
        for (var result : results) {
            var outcome = result.path("outcome").asString("");
            outcomes.add(new Outcome(
                    outcome,
                    text(result, "id"),
                    result.path("revision").isNumber()
                            ? Optional.of(result.path("revision").asLong())
                            : Optional.empty(),
                    "rejected".equals(outcome) ? Optional.of(reasonOf(result)) : Optional.empty()));
        }
        return outcomes;
    }

    /** Registers a feed; ingest polls it from then on. */
    Feed registerFeed(URI feed, Optional<String> source, Optional<String> pollInterval) {
        var body = json.createObjectNode().put("url", feed.toString());
        source.ifPresent(name -> body.put("source", name));
        pollInterval.ifPresent(interval -> body.put("pollInterval", interval));
        var response = send(authorized(ingest.resolve("/api/v1/feeds"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new LoadException("Ingest refused the feed " + feed + ": HTTP " + response.statusCode() + " "
                    + problemDetail(response.body()));
        }
        var answer = parse(response.body());
        return new Feed(answer.path("id").asString(""), response.statusCode(), answer);
    }

    private HttpRequest.Builder authorized(URI uri) {
        var request = HttpRequest.newBuilder(uri);
        key.ifPresent(secret -> request.header("X-Api-Key", secret));
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        for (var attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new LoadException("Ingest is not reachable at " + ingest + " (start it with './newsflow up', or"
                        + " point --ingest at it)");
            } catch (HttpTimeoutException e) {
                throw new LoadException("Ingest at " + ingest + " did not answer within "
                        + request.timeout().map(Duration::toSeconds).orElse(0L) + " s");
            } catch (IOException e) {
                throw new LoadException("Talking to ingest at " + ingest + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException("Interrupted while loading", e);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new LoadException("Ingest at " + ingest + " refused the "
                        + (key.isPresent()
                                ? "API key (it needs articles:write and feeds:manage)"
                                : "request without an API key")
                        + ": " + problemDetail(response.body())
                        + ". Pass --key, set NEWSFLOW_API_KEY, or run './newsflow up',"
                        + " which creates the loader key in .newsflow/credentials/loader-key");
            }
            if (response.statusCode() != 503 || attempt == retries.size()) {
                return response;
            }
            pause(retries.get(attempt));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("Interrupted while waiting to retry", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new LoadException("Ingest answered something that is not JSON: " + body, e);
        }
    }

    /** The problem's detail (RFC 9457), else its title, else the body itself. */
    private String problemDetail(String body) {
        try {
            var problem = json.readTree(body);
            return text(problem, "detail").or(() -> text(problem, "title")).orElse(body);
        } catch (JacksonException e) {
            return body;
        }
    }

    /** "invalid: title must not be blank; body: ..." from the reason, the detail and the invalid fields. */
    private static String reasonOf(JsonNode result) {
        var reason = new StringBuilder(result.path("reason").asString("rejected"));
        var errors = result.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            var fields = new ArrayList<String>();
            for (var error : errors) {
                var field = error.path("field").asString("");
                fields.add((field.isEmpty() ? "" : field + " ")
                        + error.path("message").asString(""));
            }
            reason.append(": ").append(String.join("; ", fields));
        } else {
            text(result, "detail").ifPresent(detail -> reason.append(": ").append(detail));
        }
        return reason.toString();
    }

    private static Optional<String> text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
    }
}
