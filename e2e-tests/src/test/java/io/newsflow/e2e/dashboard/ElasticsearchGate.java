package io.newsflow.e2e.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the search service and Elasticsearch that the test can shut: then every connection the service
 * holds is cut and new ones are refused, as when the node is down; opened again on the same port, the node is back.
 */
final class ElasticsearchGate implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private ElasticsearchGate(InetSocketAddress target) {
        this.target = target;
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    static ElasticsearchGate to(String elasticsearchUrl) {
        var uri = URI.create(elasticsearchUrl);
        return new ElasticsearchGate(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }

    /** The URL the search service is given instead of the node's. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void shut() {
        closeQuietly(server);
        sockets.forEach(ElasticsearchGate::closeQuietly);
        sockets.clear();
    }

    synchronized void open() {
        if (server.isClosed()) {
            server = bind(port);
            accept(server);
        }
    }

    @Override
    public void close() {
        shut();
    }

    private static ServerSocket bind(int port) {
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Elasticsearch gate on port " + port, e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().name("es-gate-accept").start(() -> {
            while (!listening.isClosed()) {
                try {
                    var client = listening.accept();
                    var upstream = new Socket(target.getAddress(), target.getPort());
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException closedOrRefused) {
                    // the gate was shut, or the node itself is gone: the client sees its connection fail
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().name("es-gate-pipe").start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // either side closed: the other side is closed below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted here
        }
    }
}
