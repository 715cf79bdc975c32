package io.newsflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls of one service's endpoints with the credentials of an access-matrix row. */
public final class AccessMatrix {

    /** One row: an endpoint, the scope it needs and what it answers a caller who has it. */
    public record Endpoint(String method, String path, String contentType, String body, String scope, int allowed) {

        public static Endpoint get(String path, String scope, int allowed) {
            return new Endpoint("GET", path, null, null, scope, allowed);
        }

        public static Endpoint delete(String path, String scope, int allowed) {
            return new Endpoint("DELETE", path, null, null, scope, allowed);
        }

        public static Endpoint postJson(String path, String body, String scope, int allowed) {
            return new Endpoint("POST", path, "application/json", body, scope, allowed);
        }
    }

    /** What came back: the status, the headers and the body, of which a stream's first bytes only. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public AccessMatrix(int port) {
        this.port = port;
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Map<String, String> apiKey(String key) {
        return Map.of("X-Api-Key", key);
    }

    /** Sends the request; an event stream is read only up to its first bytes, then closed. */
    public Answer send(Endpoint endpoint, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        endpoint.method(),
                        endpoint.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                var streaming = response.headers()
                        .firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream"))
                        .isPresent();
                var bytes = streaming ? body.readNBytes(16) : body.readAllBytes();
                return new Answer(response.statusCode(), response.headers(), new String(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + endpoint, e);
        }
    }
}
