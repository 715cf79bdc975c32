package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Stack stack(Map<String, String> env) {
        return new Stack(Stack.Settings.from(home, env), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @Test
    void readsPortsFromTheEnvironmentWithDefaults() {
        Stack.Settings defaults = Stack.Settings.from(home, Map.of());
        assertThat(defaults.kafkaPort()).isEqualTo(9092);
        assertThat(defaults.kafkaControllerPort()).isEqualTo(9093);
        assertThat(defaults.elasticsearchPort()).isEqualTo(9200);
        assertThat(defaults.ingestPort()).isEqualTo(8081);
        assertThat(defaults.enrichPort()).isEqualTo(8082);
        assertThat(defaults.searchPort()).isEqualTo(8083);

        Stack.Settings custom =
                Stack.Settings.from(home, Map.of("NEWSFLOW_KAFKA_PORT", "19092", "NEWSFLOW_SEARCH_PORT", "18083"));
        assertThat(custom.kafkaPort()).isEqualTo(19092);
        assertThat(custom.kafkaControllerPort()).isEqualTo(19093);
        assertThat(custom.searchPort()).isEqualTo(18083);
        assertThat(custom.pidFile("kafka")).isEqualTo(home.resolve(".newsflow/kafka.pid"));
        assertThat(custom.logFile("kafka")).isEqualTo(home.resolve(".newsflow/logs/kafka.log"));
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> Stack.Settings.from(home, Map.of("NEWSFLOW_ENRICH_PORT", "eighty")))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("NEWSFLOW_ENRICH_PORT=eighty");
    }

    @Test
    void refusesToStartOnAPortTakenByAStrangerAndNamesTheVariable() throws Exception {
        try (ServerSocket stranger = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Stack stack = stack(Map.of("NEWSFLOW_INGEST_PORT", Integer.toString(stranger.getLocalPort())));
            Stack.Component ingest = stack.components().get(2);

            assertThatThrownBy(() -> stack.ensure(ingest))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("Port " + stranger.getLocalPort())
                    .hasMessageContaining("NEWSFLOW_INGEST_PORT");
        }
    }

    @Test
    void reportsEverythingStoppedWhenNothingRuns() {
        Stack stack = stack(Map.of());
        stack.status();
        stack.down();

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("kafka", "elasticsearch", "ingest-service", "enrich-service", "search-service");
        assertThat(printed.lines().filter(line -> line.contains(" stopped ")).count())
                .isEqualTo(5);
    }

    @Test
    void findsTheServiceJarAndSkipsSourcesJars() throws Exception {
        Path target = Files.createDirectories(home.resolve("search-service/target"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT-sources.jar"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar.original"));

        assertThat(Stack.serviceJar(home, "search-service"))
                .isEqualTo(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar"));
        assertThatThrownBy(() -> Stack.serviceJar(home, "ingest-service"))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("ingest-service");
    }
}
