package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.LocalProcess;
import io.newsflow.infra.Poll;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The stack {@code ./newsflow up} started, for tools that act on it from outside (the chaos command): where each process
 * answers, the loader key, and the faults: SIGKILL, SIGSTOP and SIGCONT of one process, and a restart of it the way
 * {@code up} starts it.
 */
public final class LocalStack {

    public static final String KAFKA = "kafka";
    public static final String ELASTICSEARCH = "elasticsearch";
    public static final String INGEST = "ingest-service";
    public static final String ENRICH = "enrich-service";
    public static final String SEARCH = "search-service";

    private final Settings settings;
    private final Components components;
    private final Map<String, ServiceComponent> seconds = new ConcurrentHashMap<>();

    private LocalStack(Settings settings) {
        this.settings = settings;
        this.components = Components.of(settings);
    }

    /** The stack of the project folder {@code home}, on the ports the environment names (as {@code up} read them). */
    public static LocalStack of(Path home, Map<String, String> env) {
        return new LocalStack(Settings.from(home, env));
    }

    public Path stateDir() {
        return settings.stateDir();
    }

    public URI ingest() {
        return URI.create("http://127.0.0.1:" + settings.ingestPort() + "/");
    }

    public URI elasticsearch() {
        return URI.create("http://127.0.0.1:" + settings.elasticsearchPort() + "/");
    }

    public URI search() {
        return URI.create("http://127.0.0.1:" + settings.searchPort() + "/");
    }

    /** Every broker's address. */
    public String kafkaBootstrapServers() {
        return settings.kafka().bootstrapServers();
    }

    /** How many brokers {@code up} started: 1, or 3 with {@code up --brokers 3}. */
    public int brokers() {
        return settings.brokerCount();
    }

    /** The name {@link #kill} and {@link #restart(String)} take for the broker with this {@code node.id}. */
    public static String broker(int nodeId) {
        return Brokers.name(nodeId);
    }

    /** The key {@code up} created for loading ({@code articles:write}). */
    public Optional<String> loaderKey() {
        return credential(LocalCredentials.loaderKeyFile(settings), "loader key");
    }

    /** The admin key the services were started with ({@code admin}: the reindex). */
    public Optional<String> adminKey() {
        return credential(LocalCredentials.folder(settings).resolve("admin-key"), "admin key");
    }

    /** The key {@code up} created for the dashboard ({@code search:read}). */
    public Optional<String> editorKey() {
        return credential(LocalCredentials.folder(settings).resolve("editor-key"), "editor key");
    }

    private static Optional<String> credential(Path file, String name) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new InfraException("Cannot read the " + name + ": " + e.getMessage(), e);
        }
    }

    /** The names of the processes that do not run or do not answer their health check; empty when all is well. */
    public List<String> unhealthy() {
        return components.startOrder().stream()
                .filter(component -> component.running().isEmpty() || !component.isHealthy())
                .map(Component::name)
                .toList();
    }

    public boolean isHealthy(String name) {
        var component = components.named(name);
        return component.running().isPresent() && component.isHealthy();
    }

    /**
     * SIGKILL to the process and everything it started, as a crash or the kernel's OOM killer would; returns once they
     * are gone. The pid file stays, as it would after a crash.
     */
    public long kill(String name) {
        var component = named(name);
        var root = component.running().orElseThrow(() -> new InfraException(name + " does not run"));
        var tree = tree(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        if (!Poll.until(() -> tree.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(30))) {
            throw new InfraException(name + " (pid " + root.pid() + ") outlived SIGKILL for 30 s");
        }
        return root.pid();
    }

    /** Starts the process again as {@code up} does, once it is gone, and returns when it is healthy. */
    public void restart(String name) {
        var component = components.named(name);
        component.running().ifPresent(process -> {
            throw new InfraException(name + " still runs (pid " + process.pid() + ")");
        });
        keepLog(component);
        LocalProcess.deletePidFile(component.pidFile());
        component.start();
    }

    /**
     * Starts these processes again side by side, as {@code up} starts the brokers, and returns when all are healthy:
     * the brokers of a cluster that were all killed (one alone would wait for a quorum that never forms).
     */
    public void restartTogether(List<String> names) {
        SideBySide.start(names, this::restart);
    }

    /**
     * Starts the service again as {@code up} does, with these variables on top (a setting the fault needs, such as a
     * shorter {@code SPRING_KAFKA_CONSUMER_MAX_POLL_INTERVAL}), and returns when it is healthy; {@link #stop} and
     * {@link #restart(String)} bring back the instance {@code up} starts.
     */
    public void restart(String name, Map<String, String> environment) {
        if (!(components.named(name) instanceof ServiceComponent service)) {
            throw new IllegalArgumentException(name + " is no service");
        }
        var running = service.running();
        running.ifPresent(process -> {
            throw new InfraException(name + " still runs (pid " + process.pid() + ")");
        });
        keepLog(service);
        LocalProcess.deletePidFile(service.pidFile());
        service.with(environment).start();
    }

    /** SIGTERM to the process tree (its graceful shutdown), SIGKILL after 30 s; returns its pid once it is gone. */
    public long stop(String name) {
        var component = named(name);
        var root = component.running().orElseThrow(() -> new InfraException(name + " does not run"));
        component.stop();
        return root.pid();
    }

    /**
     * A second instance of a service ({@link #ENRICH} or {@link #SEARCH}) in the same consumer group as the one {@code
     * up} started, on that one's port + 2 (8084 for enrich, 8085 for search by default); its pid and log files are
     * named {@code <service>-2}. Returns its name once it is healthy; {@link #kill} and {@link #stop} take the name.
     */
    public String startSecond(String service) {
        if (!(components.named(service) instanceof ServiceComponent first)) {
            throw new IllegalArgumentException(service + " is no service");
        }
        var second = new ServiceComponent(
                service + "-2", service, first.port() + 2, first.portVariable(), settings, Map.of());
        second.running().ifPresent(process -> {
            throw new InfraException(second.name() + " already runs (pid " + process.pid() + ")");
        });
        seconds.put(second.name(), second);
        keepLog(second);
        second.start();
        return second.name();
    }

    /**
     * The CPU time each running process of the stack (second instances included) has used since it started, by name,
     * summed over its process tree (Elasticsearch's launcher and its JVM): the bench takes two of these apart to tell
     * where a flow's CPU went.
     */
    public Map<String, Duration> cpuTimes() {
        var times = new LinkedHashMap<String, Duration>();
        Stream.concat(components.startOrder().stream(), seconds.values().stream())
                .forEach(component -> component
                        .running()
                        .ifPresent(root -> times.put(
                                component.name(),
                                tree(root).stream()
                                        .map(process -> process.info()
                                                .totalCpuDuration()
                                                .orElse(Duration.ZERO))
                                        .reduce(Duration.ZERO, Duration::plus))));
        return times;
    }

    /** SIGSTOP (frozen: connections stay open, nothing answers) or SIGCONT to the process and everything it started. */
    public void signal(String name, String signal) {
        if (!signal.equals("STOP") && !signal.equals("CONT")) {
            throw new IllegalArgumentException("only STOP and CONT are sent, not " + signal);
        }
        var root = components.named(name).running().orElseThrow(() -> new InfraException(name + " does not run"));
        var command = new ArrayList<String>(List.of("kill", "-" + signal));
        tree(root).forEach(process -> command.add(Long.toString(process.pid())));
        try {
            var exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new InfraException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new InfraException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    /** One of the stack's processes, or a second instance {@link #startSecond} started. */
    private Component named(String name) {
        var second = seconds.get(name);
        return second != null ? second : components.named(name);
    }

    /** The log of the killed process, which a start empties, is kept beside it as {@code <name>.<n>.log}. */
    private void keepLog(Component component) {
        var log = component.logFile();
        if (!Files.exists(log)) {
            return;
        }
        try {
            for (var n = 1; ; n++) {
                var kept = log.resolveSibling(component.name() + "." + n + ".log");
                if (!Files.exists(kept)) {
                    Files.copy(log, kept, StandardCopyOption.COPY_ATTRIBUTES);
                    return;
                }
            }
        } catch (IOException e) {
            throw new InfraException("Cannot keep " + log + ": " + e.getMessage(), e);
        }
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            return Stream.concat(Stream.of(root), descendants).toList();
        }
    }
}
