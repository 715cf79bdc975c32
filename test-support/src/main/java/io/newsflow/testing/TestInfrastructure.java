package io.newsflow.testing;

import io.newsflow.infra.LocalElasticsearch;
import io.newsflow.infra.LocalKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka and the one Elasticsearch of this test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Providers, first match wins: the {@value #KAFKA_VARIABLE} and {@value #ELASTICSEARCH_VARIABLE} environment
 * variables (set by {@code ./newsflow test} for the whole reactor); containers through Testcontainers when
 * {@value #INFRA_VARIABLE} is {@code containers}; otherwise a real broker and node as local processes on free ports,
 * so that tests run beside {@code ./newsflow up}. Containers are chosen explicitly, never because a Docker engine
 * answers: a {@code DOCKER_HOST} set for other reasons must not switch every test JVM over.
 */
public final class TestInfrastructure {

    public static final String KAFKA_VARIABLE = "NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ELASTICSEARCH_VARIABLE = "NEWSFLOW_TEST_ELASTICSEARCH_URL";

    /** {@code containers} for Testcontainers, {@code processes} (the default) for local processes. */
    public static final String INFRA_VARIABLE = "NEWSFLOW_TEST_INFRA";

    /** The broker of the Kafka version Spring Boot manages, the one the clients under test have too. */
    static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

    /** The server version of the root pom, which the local node runs too (local-infra's build writes it down). */
    static final String ELASTICSEARCH_IMAGE =
            "docker.elastic.co/elasticsearch/elasticsearch:" + localInfraArtifact("elasticsearch.version");

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static volatile TestInfrastructure instance;

    private final String provider;
    private final String kafkaBootstrapServers;
    private final String elasticsearchUrl;

    TestInfrastructure(String provider, String kafkaBootstrapServers, String elasticsearchUrl) {
        this.provider = provider;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    /** The infrastructure of this JVM, started by the first caller; later callers wait for it and share it. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current =
                            fromEnvironment(System.getenv()).orElseGet(TestInfrastructure::startContainersOrProcesses);
                    log.info(
                            "Test infrastructure from {}: Kafka {}, Elasticsearch {}",
                            current.provider,
                            current.kafkaBootstrapServers,
                            current.elasticsearchUrl);
                    instance = current;
                }
            }
        }
        return current;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String elasticsearchUrl() {
        return elasticsearchUrl;
    }

    /** {@code environment}, {@code containers} or {@code local processes}. */
    public String provider() {
        return provider;
    }

    private static String localInfraArtifact(String key) {
        Properties artifacts = new Properties();
        try (InputStream in = LocalKafka.class.getResourceAsStream("artifacts.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-infra's artifacts.properties is not on the class path");
            }
            artifacts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(artifacts.getProperty(key))
                .orElseThrow(() -> new IllegalStateException("local-infra's artifacts.properties has no " + key));
    }

    static Optional<TestInfrastructure> fromEnvironment(Map<String, String> env) {
        String kafka = env.get(KAFKA_VARIABLE);
        String elasticsearch = env.get(ELASTICSEARCH_VARIABLE);
        if (kafka == null || kafka.isBlank() || elasticsearch == null || elasticsearch.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TestInfrastructure("environment", kafka.trim(), elasticsearch.trim()));
    }

    /** Whether {@value #INFRA_VARIABLE} asks for containers; any value but the two known ones is a mistake. */
    static boolean containersChosen(Map<String, String> env) {
        String chosen = env.getOrDefault(INFRA_VARIABLE, "").trim();
        return switch (chosen) {
            case "containers" -> true;
            case "", "processes" -> false;
            default ->
                throw new IllegalArgumentException(
                        INFRA_VARIABLE + " is '" + chosen + "': use 'containers' or 'processes' (the default)");
        };
    }

    private static TestInfrastructure startContainersOrProcesses() {
        return containersChosen(System.getenv()) ? startContainers() : startLocalProcesses();
    }

    private static TestInfrastructure startContainers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(INFRA_VARIABLE + "=containers, but Testcontainers finds no Docker API "
                    + "(see './newsflow containers verify', which serves one from podman)");
        }
        log.info("Starting Kafka ({}) and Elasticsearch ({}) in containers", KAFKA_IMAGE, ELASTICSEARCH_IMAGE);
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        // Cluster health instead of the container's default wait for a log line: the line differs between the
        // official image (JSON logs) and the local stand-in built from the integ-test distribution (plain logs).
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=5s")
                        .forPort(9200)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(kafka::start), CompletableFuture.runAsync(elasticsearch::start))
                .join();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.stop();
                            elasticsearch.stop();
                        },
                        "newsflow-test-containers-stop"));
        return new TestInfrastructure(
                "containers", kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress());
    }

    private static TestInfrastructure startLocalProcesses() {
        Path dir = createDataDir();
        LocalKafka kafka = LocalKafka.onFreePorts(dir.resolve("kafka"));
        LocalElasticsearch elasticsearch = LocalElasticsearch.onFreePort(dir.resolve("elasticsearch"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.stop();
                            elasticsearch.stop();
                            deleteQuietly(dir);
                        },
                        "newsflow-test-processes-stop"));
        log.info("Starting Kafka and Elasticsearch as local processes in {}", dir);
        CompletableFuture<?> kafkaStarted = CompletableFuture.runAsync(() -> kafka.start(Duration.ofSeconds(60)));
        CompletableFuture<?> elasticsearchStarted =
                CompletableFuture.runAsync(() -> elasticsearch.start(Duration.ofSeconds(120)));
        CompletableFuture.allOf(kafkaStarted, elasticsearchStarted).join();
        return new TestInfrastructure("local processes", kafka.bootstrapServers(), elasticsearch.url());
    }

    /** Readable by others: as root, Elasticsearch runs as an unprivileged user who must traverse this folder. */
    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("newsflow-test-infra");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /**
     * Starts one shared infrastructure (containers or local processes, never the environment), writes
     * {@code NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS=…} and {@code NEWSFLOW_TEST_ELASTICSEARCH_URL=…} lines to the file
     * given as the only argument, and runs until killed. {@code ./newsflow test} uses it for the whole reactor.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: TestInfrastructure <file to write the environment variables to>");
            System.exit(2);
        }
        TestInfrastructure infrastructure = startContainersOrProcesses();
        instance = infrastructure;
        Path file = Path.of(args[0]).toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        // written whole, then renamed, so a waiting script never reads half a file
        Files.writeString(
                partial,
                KAFKA_VARIABLE + "=" + infrastructure.kafkaBootstrapServers() + "\n" + ELASTICSEARCH_VARIABLE + "="
                        + infrastructure.elasticsearchUrl() + "\n");
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Test infrastructure (" + infrastructure.provider + ") is ready; variables in " + file);
        Thread.currentThread().join();
    }
}
