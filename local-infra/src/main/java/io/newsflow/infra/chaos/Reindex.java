package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code reindex} fault: search's {@code POST /api/v1/admin/reindex} (the enriched topic replayed into a new index
 * while the listener writes to both), followed on {@code GET} until it is done, then the alias checked to point at the
 * new index. What went wrong is answered, not thrown, so that the scenario fails on it after its audit.
 */
final class Reindex {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofSeconds(2);

    private final URI search;
    private final URI elasticsearch;
    private final String alias;
    private final String adminKey;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reindex(URI search, URI elasticsearch, String alias, String adminKey, PrintStream out) {
        this.search = search;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.adminKey = adminKey;
        this.out = out;
    }

    /** Starts the rebuild and waits until it is done and the alias moved, at most {@code timeout}; the problems. */
    List<String> run(Duration timeout) {
        var endpoint = search.resolve("/api/v1/admin/reindex");
        var started = send(HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("X-Api-Key", adminKey));
        if (started.statusCode() != 202) {
            return List.of("POST " + endpoint + " answered HTTP " + started.statusCode() + ": " + started.body());
        }
        var status = json(started.body());
        var from = status.path("from").asString("");
        var to = status.path("to").asString("");
        out.printf("  reindex started: %s -> %s%n", from, to);
        var last = new AtomicReference<>(status);
        var finished = Poll.until(
                () -> {
                    var current =
                            json(send(HttpRequest.newBuilder(endpoint).GET().header("X-Api-Key", adminKey))
                                    .body());
                    last.set(current);
                    return !current.path("state").asString("").equals("RUNNING");
                },
                timeout,
                POLL);
        var state = last.get().path("state").asString("");
        var problems = new ArrayList<String>();
        if (!finished) {
            problems.add("the reindex still ran after " + ChaosReport.seconds(timeout) + " (" + last.get() + ")");
        } else if (!state.equals("DONE")) {
            problems.add("the reindex ended " + state + ": "
                    + last.get().path("error").asString(""));
        } else {
            out.printf(
                    "  reindex done: %d events replayed into %s%n",
                    last.get().path("replayed").asLong(), to);
        }
        var indices = aliased();
        out.printf("  %s points at %s%n", alias, indices);
        if (state.equals("DONE") && !indices.equals(List.of(to))) {
            problems.add(alias + " points at " + indices + ", not at the rebuilt " + to);
        }
        return problems;
    }

    /** The indices the alias points at. */
    private List<String> aliased() {
        var response = send(HttpRequest.newBuilder(elasticsearch.resolve("/_alias/" + alias))
                .GET());
        if (response.statusCode() != 200) {
            throw new InfraException("GET /_alias/" + alias + " answered HTTP " + response.statusCode());
        }
        var names = new ArrayList<String>();
        json(response.body()).propertyNames().forEach(names::add);
        return names.stream().sorted().toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        var built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InfraException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted", e);
        }
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
