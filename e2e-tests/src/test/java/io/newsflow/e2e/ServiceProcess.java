package io.newsflow.e2e;

import io.newsflow.infra.HttpProbe;
import io.newsflow.infra.Jdk;
import io.newsflow.infra.LocalProcess;
import io.newsflow.infra.Ports;
import io.newsflow.infra.ServiceJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service, run from its executable jar as a separate JVM, as an operator would run it. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final LocalProcess process;

    private ServiceProcess(int port, LocalProcess process) {
        this.port = port;
        this.process = process;
    }

    public static ServiceProcess start(String module, Map<String, String> properties) {
        var jar = ServiceJar.of(Path.of(System.getProperty("newsflow.root", "..")), module);
        var port = Ports.free();
        var command = new ArrayList<String>(List.of(
                Jdk.java(Jdk.home()).toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        var log = Path.of("target", "e2e-logs", module + ".log");
        LocalProcess.newLog(log);
        var readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        var process = LocalProcess.builder(module)
                .command(command)
                .logFile(log)
                .readyWhen("GET " + readiness, () -> HttpProbe.ok(readiness))
                .stopGrace(Duration.ofSeconds(20))
                .start();
        return new ServiceProcess(port, process);
    }

    public void awaitReady(Duration limit) {
        process.awaitReady(limit);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where its API answers, for a client's base URI. */
    public URI baseUri() {
        return uri("");
    }

    /** The service's address with that path, e.g. {@code uri("/")} for the dashboard a browser opens. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.stop();
    }
}
