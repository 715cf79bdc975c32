package io.newsflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP/1.1 call over a socket whose local end is a chosen loopback address (127.0.0.0/8 is all loopback on Linux),
 * so that each test is a client address of its own.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {}

    private RawHttp() {}

    static Answer call(int port, String from, String method, String path, Map<String, String> headers) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            var request = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            var raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var split = raw.indexOf("\r\n\r\n");
            var head = raw.substring(0, split).split("\r\n");
            var status = Integer.parseInt(head[0].split(" ")[1]);
            var answerHeaders = java.util.Arrays.stream(head)
                    .skip(1)
                    .map(line -> line.split(":\\s*", 2))
                    .collect(Collectors.toMap(p -> p[0].toLowerCase(java.util.Locale.ROOT), p -> p[1], (a, b) -> a));
            return new Answer(status, answerHeaders, raw.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
