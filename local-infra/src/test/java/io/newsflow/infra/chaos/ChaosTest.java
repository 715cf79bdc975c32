package io.newsflow.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.InfraException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosTest {

    @TempDir
    Path home;

    @Test
    void killBrokerOnAOneBrokerStackRefusesBeforeAnythingRuns() {
        var output = new ByteArrayOutputStream();
        var out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertThatThrownBy(() ->
                        Chaos.run(ChaosArguments.parse(List.of("kill-broker")), home, Map.of(), "kill-broker", out))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("kill-broker needs the three-broker stack, and this one has 1")
                .hasMessageContaining("./newsflow up -d --brokers 3");
        assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(home.resolve(".newsflow/reports")).doesNotExist();
    }

    @Test
    void onTheStackUpRecordedWithThreeBrokersKillBrokerGetsAsFarAsTheHealthCheck() throws Exception {
        Files.createDirectories(home.resolve(".newsflow"));
        Files.writeString(home.resolve(".newsflow/kafka-brokers"), "3\n");

        assertThatThrownBy(() -> Chaos.run(
                        ChaosArguments.parse(List.of("kill-broker")),
                        home,
                        Map.of(),
                        "kill-broker",
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("not running or not healthy: kafka, kafka-2, kafka-3");
    }
}
