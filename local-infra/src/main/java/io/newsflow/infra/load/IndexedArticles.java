package io.newsflow.infra.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The articles of one source as the index holds them, read from Elasticsearch itself: every document with its id, the
 * article id and revision it stores, and its version (search writes the revision as external version). Search's own
 * API ranks and pages, and would hide a second document of the same article.
 */
public final class IndexedArticles {

    /** One document of the index. */
    public record Indexed(String documentId, String articleId, long revision, long version) {}

    /** Elasticsearch's default {@code index.max_result_window}: one search reads them all. */
    public static final int MAX_DOCUMENTS = 10_000;

    /** A frozen node accepts connections and answers nothing: without a bound a read would wait for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI elasticsearch;
    private final String alias;

    public IndexedArticles(URI elasticsearch, String alias) {
        this.elasticsearch = elasticsearch;
        this.alias = alias;
    }

    /** How many documents of the source a search sees now (after a refresh, so that none is left out by timing). */
    public long count(String source) {
        refresh();
        return post("/_count", json.createObjectNode().set("query", term(source)))
                .path("count")
                .asLong();
    }

    public List<Indexed> read(String source) {
        refresh();
        var request = json.createObjectNode().put("size", MAX_DOCUMENTS).put("version", true);
        request.putArray("_source").add("id").add("revision");
        request.set("query", term(source));
        var hits = post("/_search", request).path("hits").path("hits");
        var documents = new ArrayList<Indexed>(hits.size());
        for (var hit : hits) {
            var stored = hit.path("_source");
            documents.add(new Indexed(
                    hit.path("_id").asString(""),
                    stored.path("id").asString(""),
                    stored.path("revision").asLong(),
                    hit.path("_version").asLong()));
        }
        return documents;
    }

    private JsonNode term(String source) {
        var query = json.createObjectNode();
        query.putObject("term").put("source", source);
        return query;
    }

    private void refresh() {
        send(HttpRequest.newBuilder(uri("/_refresh"))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private JsonNode post(String path, JsonNode body) {
        var response = send(HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        try {
            return json.readTree(response);
        } catch (JacksonException e) {
            throw new LoadException("Elasticsearch answered something that is not JSON: " + response, e);
        }
    }

    private URI uri(String path) {
        return elasticsearch.resolve("/" + alias + path);
    }

    private String send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LoadException("Elasticsearch answered " + request.method() + " " + request.uri()
                        + " with HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new LoadException("Elasticsearch is not reachable at " + elasticsearch + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("Interrupted while reading the index", e);
        }
    }
}
