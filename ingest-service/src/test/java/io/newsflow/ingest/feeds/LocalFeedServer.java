package io.newsflow.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A JDK HTTP server on 127.0.0.1 that serves feeds and records every request it gets, per path. */
public final class LocalFeedServer implements AutoCloseable {

    public record Request(String path, Map<String, List<String>> headers, long nanoTime) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().getFirst())
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();

    public LocalFeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public LocalFeedServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new CopyOnWriteArrayList<>())
                    .add(new Request(
                            exchange.getRequestURI().getPath(),
                            Map.copyOf(exchange.getRequestHeaders()),
                            System.nanoTime()));
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests(String path) {
        return List.copyOf(requests.getOrDefault(path, List.of()));
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    public static String rss(String title, String... links) {
        var items = new StringBuilder();
        for (var link : links) {
            items.append("<item><title>")
                    .append(title)
                    .append(" ")
                    .append(link)
                    .append("</title><link>")
                    .append(link)
                    .append("</link><guid>")
                    .append(link)
                    .append("</guid><description>&lt;p&gt;Body of ")
                    .append(link)
                    .append("&lt;/p&gt;</description><pubDate>Mon, 01 Sep 2025 08:00:00 GMT</pubDate>")
                    .append("<category>World</category></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://news.example.com/</link>" + items + "</channel></rss>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
