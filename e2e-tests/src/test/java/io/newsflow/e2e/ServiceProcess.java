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
import java.util.OptionalInt;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service, run from its executable jar as a separate JVM, as an operator would run it: with security on and
 * {@link #ADMIN_KEY} as its admin key, which {@link #get} and {@link #postJson} send.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The admin key of every service this test JVM starts, random per run. */
    public static final String ADMIN_KEY =
            "e2e-admin-" + UUID.randomUUID().toString().replace("-", "");

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static final String KEY_HEADER = "X-Api-Key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final LocalProcess process;

    private ServiceProcess(String name, int port, LocalProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static ServiceProcess start(String module, Map<String, String> properties) {
        var port = Ports.free();
        var readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        var process = launcher(module, port, properties, Map.of())
                .readyWhen("GET " + readiness, () -> HttpProbe.ok(readiness))
                .stopGrace(Duration.ofSeconds(20))
                .start();
        return new ServiceProcess(module, port, process);
    }

    /** What a start that should fail ends with: the exit code and the log. */
    public record Exit(int code, String log) {}

    /** Starts the service with these environment variables and waits, at most the limit, for it to exit by itself. */
    public static Exit runUntilExit(
            String module, Map<String, String> properties, Map<String, String> environment, Duration limit) {
        var launcher = launcher(module, Ports.free(), properties, environment);
        int code = launcher.run(limit);
        return new Exit(code, LocalProcess.tail(log(module), 200));
    }

    private static LocalProcess.Builder launcher(
            String module, int port, Map<String, String> properties, Map<String, String> environment) {
        var jar = ServiceJar.current(Path.of(System.getProperty("newsflow.root", "..")), module);
        var command = new ArrayList<String>(List.of(
                Jdk.java(Jdk.home()).toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.add("--server.port=" + port);
        if (!properties.containsKey("newsflow.security.admin-key")) {
            command.add("--newsflow.security.admin-key=" + ADMIN_KEY);
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        var log = log(module);
        LocalProcess.newLog(log);
        return LocalProcess.builder(module)
                .command(command)
                .environment(environment)
                .logFile(log);
    }

    private static Path log(String module) {
        return Path.of("target", "e2e-logs", module + ".log");
    }

    /**
     * Sends SIGTERM, as Kubernetes does when it stops a pod, and waits at most the limit for the process to exit.
     *
     * @return the exit code, or empty when it still runs after the limit (it is left running: {@link #close()} ends it)
     */
    public OptionalInt terminate(Duration limit) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        return process.awaitExit(limit);
    }

    /** The service's log so far. */
    public String log() {
        return LocalProcess.tail(log(name), 100_000);
    }

    public void awaitReady(Duration limit) {
        process.awaitReady(limit);
    }

    /** A GET with the admin key. */
    public HttpResponse<String> get(String path) {
        return get(path, Map.of(KEY_HEADER, ADMIN_KEY));
    }

    /** A GET with these headers only (none: as a caller without credentials). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST with the admin key. */
    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, ADMIN_KEY);
    }

    public HttpResponse<String> postJson(String path, String json, String key) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header(KEY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE with the admin key. */
    public HttpResponse<String> delete(String path) {
        return send(
                HttpRequest.newBuilder(uri(path)).header(KEY_HEADER, ADMIN_KEY).DELETE());
    }

    /** Creates an API key with these scopes through the admin API and returns its secret. */
    public String createKey(String name, String... scopes) {
        return createdKey(name, scopes).path("key").asString();
    }

    /** Creates an API key with these scopes through the admin API and returns the answer: its id, its secret. */
    public JsonNode createdKey(String name, String... scopes) {
        var response =
                postJson("/api/v1/api-keys", JSON.writeValueAsString(Map.of("name", name, "scopes", List.of(scopes))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Creating the key " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
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
