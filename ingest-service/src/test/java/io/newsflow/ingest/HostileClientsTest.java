package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.NewsflowTestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Clients that hold connections without finishing their requests, against the started service with the limits of its
 * application.yaml (connection-timeout 10 s) and of {@code newsflow.security.request-bodies} (240 bytes per second after
 * 5 s of waiting): each is cut off within the limit while others are answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=" + ArticleIngestIntegrationTest.RAW,
            "newsflow.topics.ingest-state=" + ArticleIngestIntegrationTest.STATE
        })
@Import(NewsflowTestInfrastructure.class)
class HostileClientsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBodyShorterThanItsContentLengthIsCutOffWithinTheLimitWhileOthersAreAnswered() throws Exception {
        try (var liar = connect()) {
            var head = "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"title\":\"lie\"";
            liar.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            liar.getOutputStream().flush();
            var started = System.nanoTime();

            assertThat(healthStatus()).isEqualTo(200);
            drainUntilClosed(liar.getInputStream());

            // the body's read times out once; the rest is not waited for again (Tomcat would swallow it)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT.plus(MARGIN));
        }
    }

    @Test
    void aBodyAnnouncedOverTheCapIsAnswered413AtOnceAndItsConnectionClosedWithinTheLimit() throws Exception {
        try (var oversize = connect()) {
            // over max-article-size (1 MB) and under max-swallow-size (2 MB): Tomcat waits for the rest to keep the
            // connection, but only as long as for any body
            var head = "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1500000\r\n\r\n{\"title\":\"big\"";
            oversize.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            oversize.getOutputStream().flush();
            var started = System.nanoTime();

            var statusLine = new String(oversize.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            var answered = Duration.ofNanos(System.nanoTime() - started);
            drainUntilClosed(oversize.getInputStream());

            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
            assertThat(answered).isLessThan(GRACE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT.plus(MARGIN));
        }
    }

    @Test
    void aBodyThatDripsIsCutOffWithA408WhileOthersAreAnswered() throws Exception {
        try (var dripper = connect();
                var pace = Executors.newSingleThreadScheduledExecutor()) {
            var head = "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n";
            var out = dripper.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var started = System.nanoTime();
            // a byte every half second: each read returns well inside Tomcat's timeout, the whole body would take 14 h
            pace.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(' ');
                            out.flush();
                        } catch (IOException closed) {
                            throw new java.io.UncheckedIOException(closed);
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);

            assertThat(healthStatus()).isEqualTo(200);
            var answer = new String(dripper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("Request body too slow");
            // the grace of 5 s of waiting, then the next byte that arrives is judged
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GRACE.plus(MARGIN));
            assertThat(healthStatus()).isEqualTo(200);
        }
    }

    @Test
    void thousandsOfIdleConnectionsAreClosedWithinTheLimitAndTheServiceKeepsAnswering() throws Exception {
        var idle = new ArrayList<Socket>();
        try {
            for (var i = 0; i < 2_000; i++) {
                idle.add(connect());
            }
            var started = System.nanoTime();
            assertThat(healthStatus())
                    .as("answered with 2000 idle connections open")
                    .isEqualTo(200);

            await().atMost(LIMIT.plus(MARGIN))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> closedByServer(idle));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT.plus(MARGIN));
            assertThat(healthStatus()).isEqualTo(200);
        } finally {
            for (var socket : idle) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout((int) LIMIT.multipliedBy(3).plus(MARGIN).toMillis());
        return socket;
    }

    /** Reads what the server sends (perhaps a 400) until it closes the connection; a read timeout fails the test. */
    private static void drainUntilClosed(InputStream in) throws IOException {
        in.readAllBytes();
    }

    /** Whether the server closed every connection: a read then ends at once, or fails with a reset. */
    private static boolean closedByServer(List<Socket> sockets) throws IOException {
        for (var socket : sockets) {
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() >= 0) {
                    continue;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                return false;
            } catch (java.net.SocketException reset) {
                continue;
            }
        }
        return true;
    }

    private int healthStatus() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
