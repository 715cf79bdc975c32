package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Ports, folders and JVM options, from {@code NEWSFLOW_*} environment variables with the documented defaults. */
record Settings(
        Path home,
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int ingestPort,
        int enrichPort,
        int searchPort,
        String elasticsearchJavaOpts,
        List<String> serviceJavaOpts) {

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
                serviceJavaOpts.isEmpty() ? List.of() : List.of(serviceJavaOpts.split("\\s+")));
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
