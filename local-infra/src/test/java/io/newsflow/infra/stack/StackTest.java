package io.newsflow.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private Settings settings(Map<String, String> env) {
        return Settings.from(home, env);
    }

    @Test
    void readsPortsFromTheEnvironmentWithDefaults() {
        Settings defaults = Settings.from(home, Map.of());
        assertThat(defaults.kafkaPort()).isEqualTo(9092);
        assertThat(defaults.kafkaControllerPort()).isEqualTo(9093);
        assertThat(defaults.elasticsearchPort()).isEqualTo(9200);
        assertThat(defaults.ingestPort()).isEqualTo(8081);
        assertThat(defaults.enrichPort()).isEqualTo(8082);
        assertThat(defaults.searchPort()).isEqualTo(8083);

        Settings custom = Settings.from(home, Map.of("NEWSFLOW_KAFKA_PORT", "19092", "NEWSFLOW_SEARCH_PORT", "18083"));
        assertThat(custom.kafkaPort()).isEqualTo(19092);
        assertThat(custom.kafkaControllerPort()).isEqualTo(19093);
        assertThat(custom.searchPort()).isEqualTo(18083);
        assertThat(custom.pidFile("kafka")).isEqualTo(home.resolve(".newsflow/kafka.pid"));
        assertThat(custom.logFile("kafka")).isEqualTo(home.resolve(".newsflow/logs/kafka.log"));
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> Settings.from(home, Map.of("NEWSFLOW_ENRICH_PORT", "eighty")))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("NEWSFLOW_ENRICH_PORT=eighty");
    }

    @Test
    void refusesToStartOnAPortTakenByAStrangerAndNamesTheVariable() throws Exception {
        try (ServerSocket stranger = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Settings settings = settings(Map.of("NEWSFLOW_INGEST_PORT", Integer.toString(stranger.getLocalPort())));
            Components components = Components.of(settings);
            UpCommand up = new UpCommand(components, settings, out);
            Component ingest = components.named("ingest-service");

            assertThatThrownBy(() -> up.ensure(ingest))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("Port " + stranger.getLocalPort())
                    .hasMessageContaining("NEWSFLOW_INGEST_PORT");
        }
    }

    @Test
    void aKafkaControllerPortTakenByAStrangerNamesItsOwnVariable() throws Exception {
        try (ServerSocket stranger = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Settings settings = settings(Map.of(
                    "NEWSFLOW_KAFKA_PORT",
                    Integer.toString(Ports.free()),
                    "NEWSFLOW_KAFKA_CONTROLLER_PORT",
                    Integer.toString(stranger.getLocalPort())));
            Components components = Components.of(settings);

            assertThatThrownBy(() -> new UpCommand(components, settings, out).ensure(components.named("kafka")))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("Port " + stranger.getLocalPort())
                    .hasMessageContaining("NEWSFLOW_KAFKA_CONTROLLER_PORT");
        }
    }

    @Test
    void reportsEverythingStoppedWhenNothingRuns() {
        Settings settings = settings(Map.of());
        Components components = Components.of(settings);
        new StatusCommand(components, settings, out).run();
        new DownCommand(components, out).run();

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("kafka", "elasticsearch", "ingest-service", "enrich-service", "search-service");
        assertThat(printed.lines().filter(line -> line.contains(" stopped ")).count())
                .isEqualTo(5);
    }

    @Test
    void startsTheInfrastructureFirstAndStopsTheServicesFirst() {
        Components components = Components.of(settings(Map.of()));

        assertThat(components.startOrder())
                .extracting(Component::name)
                .containsExactly("kafka", "elasticsearch", "ingest-service", "enrich-service", "search-service");
        assertThat(components.stopOrder())
                .extracting(Component::name)
                .containsExactly("search-service", "enrich-service", "ingest-service", "elasticsearch", "kafka");
        assertThatThrownBy(() -> components.named("zookeeper")).isInstanceOf(InfraException.class);
    }

    @Test
    void aServiceWhoseJarWasRebuiltAfterItStartedIsOutdated() throws Exception {
        Path target = Files.createDirectories(home.resolve("search-service/target"));
        Path jar = Files.createFile(target.resolve("search-service-0.1.0-SNAPSHOT.jar"));
        Component search = Components.of(settings(Map.of())).named("search-service");
        ProcessHandle thisJvm = ProcessHandle.current();
        Instant started = thisJvm.info().startInstant().orElseThrow();

        Files.setLastModifiedTime(jar, FileTime.from(started.minusSeconds(60)));
        assertThat(search.isOutdated(thisJvm)).isFalse();

        Files.setLastModifiedTime(jar, FileTime.from(started.plusSeconds(60)));
        assertThat(search.isOutdated(thisJvm)).isTrue();
        assertThat(Components.of(settings(Map.of())).named("kafka").isOutdated(thisJvm))
                .isFalse();
    }

    @Test
    void parsesTheCommandLine() {
        assertThat(Arguments.parse("up")).contains(new Arguments(Arguments.Command.UP, false, 1));
        assertThat(Arguments.parse("up", "-d")).contains(new Arguments(Arguments.Command.UP, true, 1));
        assertThat(Arguments.parse("up", "--detach")).contains(new Arguments(Arguments.Command.UP, true, 1));
        assertThat(Arguments.parse("up", "-d", "--brokers", "3"))
                .contains(new Arguments(Arguments.Command.UP, true, 3));
        assertThat(Arguments.parse("up", "--brokers=3")).contains(new Arguments(Arguments.Command.UP, false, 3));
        assertThat(Arguments.parse("up", "--brokers", "1", "-d"))
                .contains(new Arguments(Arguments.Command.UP, true, 1));
        assertThat(Arguments.parse("down")).contains(new Arguments(Arguments.Command.DOWN, false, 1));
        assertThat(Arguments.parse("status")).contains(new Arguments(Arguments.Command.STATUS, false, 1));
        assertThat(Arguments.parse()).contains(new Arguments(Arguments.Command.HELP, false, 1));
        assertThat(Arguments.parse("up", "--forever")).isEmpty();
        assertThat(Arguments.parse("up", "--brokers")).isEmpty();
        assertThat(Arguments.parse("up", "--brokers", "2")).isEmpty();
        assertThat(Arguments.parse("down", "-d")).isEmpty();
        assertThat(Arguments.parse("restart")).isEmpty();
    }

    @Test
    void threeBrokersTakeTheirPortsTwoApartFromTheKafkaVariables() {
        Brokers brokers = settings(Map.of("NEWSFLOW_KAFKA_PORT", "17092", "NEWSFLOW_KAFKA_CONTROLLER_PORT", "17093"))
                .withBrokers(3)
                .kafka();

        assertThat(brokers.ports()).containsExactly(17092, 17094, 17096);
        assertThat(brokers.controllerPorts()).containsExactly(17093, 17095, 17097);
        assertThat(brokers.bootstrapServers()).isEqualTo("127.0.0.1:17092,127.0.0.1:17094,127.0.0.1:17096");
        assertThat(settings(Map.of()).kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void refusesBrokerPortsThatCollide() {
        Settings collides = settings(Map.of("NEWSFLOW_KAFKA_PORT", "17092", "NEWSFLOW_KAFKA_CONTROLLER_PORT", "17094"));

        assertThat(collides.withBrokers(1).kafka().ports()).containsExactly(17092);
        assertThatThrownBy(() -> collides.withBrokers(3))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("[17092, 17094, 17096]");
        assertThatThrownBy(() -> settings(Map.of()).withBrokers(2))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("1 or 3");
    }

    @Test
    void threeBrokersAreComponentsOfTheirOwnStartedFirstAndStoppedLast() {
        Components components = Components.of(settings(Map.of()).withBrokers(3));

        assertThat(components.startOrder())
                .extracting(Component::name)
                .containsExactly(
                        "kafka",
                        "kafka-2",
                        "kafka-3",
                        "elasticsearch",
                        "ingest-service",
                        "enrich-service",
                        "search-service");
        assertThat(components.stopOrder().reversed()).isEqualTo(components.startOrder());
        assertThat(components.named("kafka-3").ports())
                .extracting(Component.Port::number)
                .containsExactly(9096, 9097);
        assertThat(((KafkaComponent) components.named("kafka-2")).dataDir())
                .isEqualTo(home.resolve(".newsflow/kafka-cluster/kafka-2"));
        assertThat(((KafkaComponent) components.named("kafka")).dataDir())
                .isEqualTo(home.resolve(".newsflow/kafka-cluster/kafka"));
        assertThat(((KafkaComponent) Components.of(settings(Map.of())).named("kafka")).dataDir())
                .isEqualTo(home.resolve(".newsflow/kafka"));
    }

    @Test
    void downAndStatusFindTheBrokerCountUpRecorded() {
        assertThat(settings(Map.of()).brokerCount()).isEqualTo(1);

        settings(Map.of()).withBrokers(3).recordBrokers();

        assertThat(settings(Map.of()).brokerCount()).isEqualTo(3);
        new StatusCommand(Components.of(settings(Map.of())), settings(Map.of()), out).run();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("kafka-2", "kafka-3");
        // nothing runs: another count may start
        UpCommand.requireSameBrokers(settings(Map.of()), 1);
    }

    @Test
    void theNodesOfAClusterShareOneClusterId() {
        Settings settings = settings(Map.of()).withBrokers(3);

        assertThat(KafkaComponent.clusterId(settings))
                .matches("[A-Za-z0-9_-]{22}")
                .isEqualTo(KafkaComponent.clusterId(settings));
    }
}
