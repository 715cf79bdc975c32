package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ports, folders and JVM options, from {@code NEWSFLOW_*} environment variables with the documented defaults; the
 * number of Kafka brokers from what the last {@code up} recorded ({@code up --brokers 3}), so that {@code down},
 * {@code status} and {@code chaos} find the same cluster.
 */
record Settings(
        Path home,
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int ingestPort,
        int enrichPort,
        int searchPort,
        String elasticsearchJavaOpts,
        List<String> serviceJavaOpts,
        int brokerCount) {

    /** Where {@code up} records how many brokers it started. */
    static final String BROKERS_FILE = "kafka-brokers";

    static Settings from(Path home, Map<String, String> env) {
        int kafkaPort = port(env, "NEWSFLOW_KAFKA_PORT", 9092);
        String serviceJavaOpts =
                env.getOrDefault("NEWSFLOW_SERVICE_JAVA_OPTS", "").trim();
        return new Settings(
                home,
                kafkaPort,
                port(env, "NEWSFLOW_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "NEWSFLOW_ELASTICSEARCH_PORT", 9200),
                port(env, "NEWSFLOW_INGEST_PORT", 8081),
                port(env, "NEWSFLOW_ENRICH_PORT", 8082),
                port(env, "NEWSFLOW_SEARCH_PORT", 8083),
                env.getOrDefault("NEWSFLOW_ELASTICSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m"),
                serviceJavaOpts.isEmpty() ? List.of() : List.of(serviceJavaOpts.split("\\s+")),
                recordedBrokers(home.resolve(".newsflow").resolve(BROKERS_FILE)));
    }

    /** The same settings with this many brokers (1 or 3), their ports checked against the others. */
    Settings withBrokers(int count) {
        var settings = new Settings(
                home,
                kafkaPort,
                kafkaControllerPort,
                elasticsearchPort,
                ingestPort,
                enrichPort,
                searchPort,
                elasticsearchJavaOpts,
                serviceJavaOpts,
                count);
        settings.kafka().requireDistinct(List.of(elasticsearchPort, ingestPort, enrichPort, searchPort));
        return settings;
    }

    Brokers kafka() {
        return new Brokers(brokerCount, kafkaPort, kafkaControllerPort);
    }

    /** Writes the number of brokers for the commands that come after {@code up}. */
    void recordBrokers() {
        var file = stateDir().resolve(BROKERS_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, brokerCount + "\n");
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static int recordedBrokers(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return 1;
            }
            var count = Integer.parseInt(Files.readString(file).strip());
            if (!Brokers.COUNTS.contains(count)) {
                throw new NumberFormatException();
            }
            return count;
        } catch (IOException | NumberFormatException e) {
            throw new InfraException(file + " should hold 1 or 3 (the brokers 'up' started); delete it and run"
                    + " ./newsflow down and up again.");
        }
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InfraException(name + "=" + value + " is not a port number (1-65535).");
        }
    }

    Path stateDir() {
        return home.resolve(".newsflow");
    }

    Path logFile(String name) {
        return stateDir().resolve("logs").resolve(name + ".log");
    }

    Path pidFile(String name) {
        return stateDir().resolve(name + ".pid");
    }

    /** A path as the user would type it from the project folder. */
    String relative(Path path) {
        return path.startsWith(home) ? home.relativize(path).toString() : path.toString();
    }
}
