package io.newsflow.ingest.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the feeds API of a running ingest service over HTTP, as a client would. */
final class FeedApi {

    record Response(int status, JsonNode body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    FeedApi(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1/feeds";
    }

    Response register(String url, String pollInterval) {
        var body = JSON.createObjectNode().put("url", url).put("pollInterval", pollInterval);
        return send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Response get(String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/" + id)).GET());
    }

    Response list() {
        return send(HttpRequest.newBuilder(URI.create(base)).GET());
    }

    Response pollNow(String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/poll"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/" + id)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
