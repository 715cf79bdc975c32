package io.newsflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free-port checks on the loopback interface, where every local process of ours listens. */
public final class Ports {

    private Ports() {}

    /** A port nobody listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when a server could bind 127.0.0.1:port now. */
    public static boolean isFree(int port) {
        if (isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port, what needs it and how to choose another one. */
    public static void requireFree(int port, String neededBy, String howToChange) {
        if (!isFree(port)) {
            throw new InfraException("Port " + port + " (" + neededBy + ") is already in use by another process. "
                    + "Stop that process, or " + howToChange + ".");
        }
    }

    public static boolean awaitFree(int port, Duration timeout) {
        return Poll.until(() -> isFree(port), timeout);
    }
}
