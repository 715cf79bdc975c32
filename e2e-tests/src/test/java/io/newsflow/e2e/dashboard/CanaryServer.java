package io.newsflow.e2e.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP server that hostile markup points at: any request it receives means the page loaded something. */
final class CanaryServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private CanaryServer(HttpServer server) {
        this.server = server;
    }

    static CanaryServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var canary = new CanaryServer(server);
            server.createContext("/", exchange -> {
                canary.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return canary;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the canary server", e);
        }
    }

    /** A URL on the canary, e.g. {@code url("img")}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
