package io.newsflow.search;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The service's HTTP API as a browser or dashboard sees it: every status comes back, none throws. */
final class Api {

    private final RestClient client;
    private final String base;

    Api(int port) {
        this.client = RestClient.create();
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return call(HttpMethod.GET, path, null, Map.of());
    }

    Response call(HttpMethod method, String path, Object body, Map<String, String> headers) {
        // a URI, not a template: the tests encode their query strings themselves
        var request = client.method(method).uri(URI.create(base + path));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.exchange((req, response) -> {
            var text = new String(response.getBody().readAllBytes());
            return new Response(
                    response.getStatusCode().value(),
                    String.valueOf(response.getHeaders().getContentType()),
                    response.getHeaders().toSingleValueMap(),
                    body(text));
        });
    }

    private static JsonNode body(String text) {
        if (text.isBlank()) {
            return Articles.JSON.nullNode();
        }
        try {
            return Articles.JSON.readTree(text);
        } catch (JacksonException notJson) {
            return Articles.JSON.getNodeFactory().stringNode(text);
        }
    }

    /** An answer that must be a 200. */
    JsonNode ok(String path) {
        var response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " gave " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    record Response(int status, String contentType, Map<String, String> headers, JsonNode body) {}
}
