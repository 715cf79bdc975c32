package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One broker. Alone ({@code up}) its data is under {@code .newsflow/kafka}; as node n of three ({@code up --brokers
 * 3}) under {@code .newsflow/kafka-cluster/<name>}, apart from the single broker's, whose storage was formatted for a
 * quorum of one.
 */
record KafkaComponent(Settings settings, int node) implements Component {

    KafkaComponent(Settings settings) {
        this(settings, 1);
    }

    @Override
    public String name() {
        return Brokers.name(node);
    }

    @Override
    public int port() {
        return settings.kafka().port(node);
    }

    @Override
    public List<Port> ports() {
        var further = node == 1 ? "" : " (broker " + node + " takes it + " + Brokers.STEP * (node - 1) + ")";
        return List.of(
                new Port(port(), "NEWSFLOW_KAFKA_PORT" + further),
                new Port(settings.kafka().controllerPort(node), "NEWSFLOW_KAFKA_CONTROLLER_PORT" + further));
    }

    @Override
    public Duration startTimeout() {
        // three nodes start side by side, and a node answers only once two of them form the quorum
        return Duration.ofSeconds(settings.brokerCount() == 1 ? 60 : 180);
    }

    @Override
    public String marker() {
        return LocalKafka.MAIN_CLASS;
    }

    @Override
    public boolean isHealthy() {
        return LocalKafka.isHealthy(port());
    }

    @Override
    public void start() {
        var brokers = settings.kafka();
        var kafka = new LocalKafka(dataDir(), port(), brokers.controllerPort(node));
        if (brokers.count() > 1) {
            kafka.inCluster(node, brokers.controllerPorts(), clusterId(settings));
        }
        kafka.logFile(logFile()).pidFile(pidFile()).start(startTimeout());
    }

    Path dataDir() {
        return settings.kafka().count() == 1
                ? settings.stateDir().resolve("kafka")
                : clusterDir(settings).resolve(name());
    }

    private static Path clusterDir(Settings settings) {
        return settings.stateDir().resolve("kafka-cluster");
    }

    /** The id every node's storage is formatted with, made by the first node that needs it. */
    static synchronized String clusterId(Settings settings) {
        var file = clusterDir(settings).resolve("cluster.id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            var id = LocalKafka.newClusterId();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new InfraException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }
}
