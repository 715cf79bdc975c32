package io.newsflow.infra.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP server that answers like ingest's batch and feed endpoints (and search's article look-up): an item without
 * a title is rejected as invalid, an item seen before with the same content is a duplicate, one with the same id and
 * other content an update. Ids come from the URL, else source and GUID, else the content, as ingest derives them.
 * Answers search's {@code GET /api/v1/articles/<id>} too.
 */
final class FakeIngest implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final java.util.Map<String, String> contentById = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Integer> revisionById = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> lookedUp = Collections.synchronizedSet(new HashSet<>());
    final List<List<JsonNode>> batches = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> feeds = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger unavailable = new AtomicInteger();

    /** The only API key it takes, as a real ingest (and search) with security on takes only the keys it knows. */
    static final String KEY = "fake-ingest-loader-key-0123456789";

    FakeIngest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/articles/batch", keyed(this::batch));
        server.createContext("/api/v1/feeds", keyed(this::feed));
        server.createContext("/api/v1/articles/", keyed(this::article));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static com.sun.net.httpserver.HttpHandler keyed(com.sun.net.httpserver.HttpHandler handler) {
        return exchange -> {
            if (KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                handler.handle(exchange);
            } else {
                answer(exchange, 401, "{\"title\":\"Unauthorized\",\"detail\":\"The credentials are not valid\"}");
            }
        };
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, "{\"title\":\"Service Unavailable\",\"detail\":\"Kafka did not acknowledge\"}");
            return;
        }
        if (!"application/x-ndjson".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            answer(exchange, 415, "{\"title\":\"Unsupported Media Type\"}");
            return;
        }
        var lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
        var items = new ArrayList<JsonNode>();
        var results = json.createArrayNode();
        var counts = new int[4];
        for (var index = 0; index < lines.size(); index++) {
            var item = json.readTree(lines.get(index));
            items.add(item);
            var result = results.addObject().put("index", index).put("line", index + 1);
            if (item.path("title").asString("").isBlank()) {
                result.put("outcome", "rejected").put("reason", "invalid").put("detail", "The article is invalid.");
                result.putArray("errors").addObject().put("field", "title").put("message", "must not be blank");
                counts[3]++;
                continue;
            }
            var id = idOf(item);
            var content = contentOf(item);
            var before = contentById.put(id, content);
            var outcome = before == null ? "accepted" : before.equals(content) ? "duplicate" : "updated";
            counts[before == null ? 0 : before.equals(content) ? 2 : 1]++;
            var revision = revisionById.merge(id, 1, (old, one) -> outcome.equals("updated") ? old + 1 : old);
            result.put("id", id).put("revision", revision).put("outcome", outcome);
        }
        batches.add(items);
        ObjectNode body = json.createObjectNode()
                .put("accepted", counts[0])
                .put("updated", counts[1])
                .put("duplicate", counts[2])
                .put("rejected", counts[3]);
        body.set("results", results);
        answer(exchange, 202, json.writeValueAsString(body));
    }

    private void feed(HttpExchange exchange) throws IOException {
        var request = json.readTree(exchange.getRequestBody().readAllBytes());
        feeds.add(request);
        var url = request.path("url").asString("");
        if (url.contains("127.0.0.1")) {
            answer(exchange, 400, "{\"title\":\"Bad Request\",\"detail\":\"The feed's address is not allowed\"}");
            return;
        }
        var id = Integer.toHexString(url.hashCode());
        answer(exchange, 201, "{\"id\":\"" + id + "\",\"url\":\"" + url + "\",\"pollInterval\":\"PT15M\"}");
    }

    /** An accepted article is found from its second look-up on: enrichment and indexing take a moment. */
    private void article(HttpExchange exchange) throws IOException {
        var id = exchange.getRequestURI().getPath().substring("/api/v1/articles/".length());
        if (contentById.containsKey(id) && !lookedUp.add(id)) {
            answer(exchange, 200, "{\"id\":\"" + id + "\"}");
        } else {
            answer(exchange, 404, "{\"title\":\"Not Found\"}");
        }
    }

    /** 32 hex digits, like ingest's ids. */
    private static String idOf(JsonNode item) {
        String identity;
        if (item.path("url").isString()) {
            identity = "url:" + item.path("url").asString();
        } else if (item.path("guid").isString()) {
            identity = "guid:" + item.path("source").path("name").asString("") + "\n"
                    + item.path("guid").asString();
        } else {
            identity = "content:" + contentOf(item);
        }
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }

    private static String contentOf(JsonNode item) {
        return item.path("title").asString("") + "\0" + item.path("body").asString("") + "\0"
                + item.path("publishedAt").asString("");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status / 100 == 2 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
