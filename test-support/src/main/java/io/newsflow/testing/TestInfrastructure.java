package io.newsflow.testing;

import io.newsflow.infra.LocalElasticsearch;
import io.newsflow.infra.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka and the one Elasticsearch of this test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Providers, first match wins: the {@value #KAFKA_VARIABLE} and {@value #ELASTICSEARCH_VARIABLE} environment
 * variables (set by {@code ./newsflow test} for the whole reactor); containers where a Docker engine is available;
 * otherwise a real broker and node as local processes on free ports, so that tests run beside {@code ./newsflow up}.
 */
public final class TestInfrastructure {

    public static final String KAFKA_VARIABLE = "NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ELASTICSEARCH_VARIABLE = "NEWSFLOW_TEST_ELASTICSEARCH_URL";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.4";

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

    /** {@code environment}, {@code docker} or {@code local processes}. */
    public String provider() {
        return provider;
    }

    static Optional<TestInfrastructure> fromEnvironment(Map<String, String> env) {
        String kafka = env.get(KAFKA_VARIABLE);
        String elasticsearch = env.get(ELASTICSEARCH_VARIABLE);
        if (kafka == null || kafka.isBlank() || elasticsearch == null || elasticsearch.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TestInfrastructure("environment", kafka.trim(), elasticsearch.trim()));
    }

    private static TestInfrastructure startContainersOrProcesses() {
        return isDockerAvailable() ? startContainers() : startLocalProcesses();
    }

    private static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
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
                "docker", kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress());
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
        log.info("No Docker engine: starting Kafka and Elasticsearch as local processes in {}", dir);
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
