package io.newsflow.infra.stack;

import io.newsflow.infra.HttpProbe;
import io.newsflow.infra.InfraException;
import io.newsflow.infra.Jdk;
import io.newsflow.infra.LocalProcess;
import io.newsflow.infra.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the three services, run from its executable jar (extracted, as the container image runs it) against the
 * stack's Kafka and Elasticsearch. {@code name} names its pid and log files: the module's name for the instance
 * {@code up} starts, another for a second instance (the chaos command's); {@code environment} is added to what
 * {@code up} gives it (a fault's setting, such as a shorter max.poll.interval).
 */
record ServiceComponent(
        String name, String module, int port, String portVariable, Settings settings, Map<String, String> environment)
        implements Component {

    ServiceComponent(String module, int port, String portVariable, Settings settings) {
        this(module, module, port, portVariable, settings, Map.of());
    }

    /** The same instance, started with these variables on top. */
    ServiceComponent with(Map<String, String> extra) {
        var merged = new HashMap<>(environment);
        merged.putAll(extra);
        return new ServiceComponent(name, module, port, portVariable, settings, Map.copyOf(merged));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(port, portVariable));
    }

    @Override
    public Duration startTimeout() {
        // the three start side by side; on a busy two-core machine each took more than 120 s
        return Duration.ofSeconds(300);
    }

    /** The module name is in the jar's path on the command line. */
    @Override
    public String marker() {
        return module;
    }

    @Override
    public boolean isHealthy() {
        return HttpProbe.ok(readiness());
    }

    @Override
    public void start() {
        List<String> command = new ArrayList<>();
        var java = Jdk.java(Jdk.home());
        command.add(java.toString());
        command.addAll(settings.serviceJavaOpts());
        // the path keeps the module's name, the marker a running instance is found by
        var extracted = ServiceJar.extracted(
                java, jar(), settings.stateDir().resolve("jars").resolve(module));
        command.addAll(List.of("-jar", extracted.toString()));
        LocalProcess.newLog(logFile());
        LocalProcess.builder(name + " on port " + port)
                .command(command)
                .workDir(settings.home())
                .environment(environment(Map.of(
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        settings.kafka().bootstrapServers(),
                        // the topics each service creates: as many replicas as brokers, their min ISR the brokers'
                        "NEWSFLOW_TOPICS_REPLICATIONFACTOR",
                        Integer.toString(settings.kafka().count()),
                        "SPRING_ELASTICSEARCH_URIS",
                        "http://127.0.0.1:" + settings.elasticsearchPort(),
                        "SERVER_PORT",
                        Integer.toString(port),
                        // loopback only: nothing else on the network reaches a developer's stack
                        "SERVER_ADDRESS",
                        "127.0.0.1",
                        // security on, whatever the caller's environment says; the keys 'up' prints are made with this
                        "NEWSFLOW_SECURITY_MODE",
                        "on",
                        "NEWSFLOW_SECURITY_ADMINKEY",
                        LocalCredentials.adminKey(settings))))
                .logFile(logFile())
                .pidFile(pidFile())
                .readyWhen("GET " + readiness(), this::isHealthy)
                .stopGrace(Duration.ofSeconds(10))
                .start()
                .awaitReady(startTimeout());
    }

    /** A jar rebuilt after the process started: {@code up} restarts it, so that an edit is never silently ignored. */
    @Override
    public boolean isOutdated(ProcessHandle running) {
        Instant started = running.info().startInstant().orElse(Instant.MAX);
        try {
            return Files.getLastModifiedTime(jar()).toInstant().isAfter(started);
        } catch (IOException e) {
            throw new InfraException("Cannot read " + jar() + ": " + e.getMessage(), e);
        }
    }

    /** What every instance gets, this instance's own variables on top. */
    private Map<String, String> environment(Map<String, String> base) {
        var merged = new HashMap<>(base);
        merged.putAll(environment);
        return merged;
    }

    private Path jar() {
        return ServiceJar.of(settings.home(), module);
    }

    private URI readiness() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    }
}
