package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void stopsAProcessTreeFoundThroughItsPidFile() {
        Path log = dir.resolve("sleep.log");
        Process shell =
                Processes.startDetached(List.of("sh", "-c", "sleep 300 & echo started; wait"), dir, Map.of(), log);
        Path pidFile = dir.resolve("sleep.pid");
        Processes.writePid(pidFile, shell.pid());
        assertThat(Processes.waitUntil(() -> shell.descendants().findAny().isPresent(), Duration.ofSeconds(10)))
                .isTrue();
        List<ProcessHandle> children = shell.descendants().toList();

        ProcessHandle found = Processes.alive(pidFile, "sleep 300").orElseThrow();
        assertThat(Processes.stop(found, Duration.ofSeconds(5))).isTrue();

        assertThat(shell.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(Processes.alive(pidFile, "sleep 300")).isEmpty();
    }

    @Test
    void ignoresAPidFileWhosePidBelongsToAnotherProgram() {
        Path pidFile = dir.resolve("stale.pid");
        Processes.writePid(pidFile, ProcessHandle.current().pid());

        assertThat(Processes.alive(pidFile, "kafka.Kafka-that-is-not-this-jvm")).isEmpty();
        assertThat(Processes.alive(dir.resolve("missing.pid"), "anything")).isEmpty();
    }

    @Test
    void tailsTheEndOfALog() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "one\ntwo\nthree\n");

        assertThat(Processes.tail(log, 2)).isEqualTo("two\nthree");
        assertThat(Processes.tail(dir.resolve("none.log"), 2)).contains("no log");
    }
}
