package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {

    @TempDir
    Path dir;

    @Test
    void stopsAProcessTreeFoundThroughItsPidFile() {
        Path pidFile = dir.resolve("sleep.pid");
        LocalProcess shell = LocalProcess.builder("sleeper")
                .command(List.of("sh", "-c", "sleep 300 & echo started; wait"))
                .workDir(dir)
                .logFile(dir.resolve("sleep.log"))
                .pidFile(pidFile)
                .start();
        ProcessHandle handle = ProcessHandle.of(shell.pid()).orElseThrow();
        assertThat(Poll.until(() -> handle.descendants().findAny().isPresent(), Duration.ofSeconds(10)))
                .isTrue();
        List<ProcessHandle> children = handle.descendants().toList();

        ProcessHandle found = LocalProcess.running(pidFile, "sleep 300").orElseThrow();
        assertThat(LocalProcess.stop(found, Duration.ofSeconds(5))).isTrue();

        assertThat(shell.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(LocalProcess.running(pidFile, "sleep 300")).isEmpty();
    }

    @Test
    void ignoresAPidFileWhosePidBelongsToAnotherProgram() throws Exception {
        Path pidFile = dir.resolve("stale.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");

        assertThat(LocalProcess.running(pidFile, "kafka.Kafka-that-is-not-this-jvm"))
                .isEmpty();
        assertThat(LocalProcess.running(dir.resolve("missing.pid"), "anything")).isEmpty();
    }

    @Test
    void tailsTheEndOfALog() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "one\ntwo\nthree\n");

        assertThat(LocalProcess.tail(log, 2)).isEqualTo("two\nthree");
        assertThat(LocalProcess.tail(dir.resolve("none.log"), 2)).contains("no log");
    }

    @Test
    void returnsOnceTheReadinessProbeAnswersAndDeletesThePidFileOnStop() {
        Path ready = dir.resolve("ready");
        Path pidFile = dir.resolve("touch.pid");
        LocalProcess process = LocalProcess.builder("toucher")
                .command(List.of("sh", "-c", "sleep 1; touch ready; exec sleep 300"))
                .workDir(dir)
                .logFile(dir.resolve("touch.log"))
                .pidFile(pidFile)
                .readyWhen("the file 'ready' exists", () -> Files.exists(ready))
                .start();

        assertThat(process.awaitReady(Duration.ofSeconds(20)).isReady()).isTrue();
        assertThat(pidFile).hasContent(Long.toString(process.pid()));

        process.stop();
        assertThat(process.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsWithTheEndOfItsLog() {
        LocalProcess process = LocalProcess.builder("crasher")
                .command(List.of("sh", "-c", "echo 'port already bound'; exit 3"))
                .workDir(dir)
                .logFile(dir.resolve("crash.log"))
                .readyWhen("never", () -> false)
                .start();

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(20)))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("crasher exited with code 3")
                .hasMessageContaining("port already bound");
    }

    @Test
    void aProcessThatIsNotReadyInTimeIsStopped() {
        LocalProcess process = LocalProcess.builder("sleeper")
                .command(List.of("sleep", "300"))
                .workDir(dir)
                .logFile(dir.resolve("slow.log"))
                .readyWhen("GET /health answers 200", () -> false)
                .stopGrace(Duration.ofSeconds(5))
                .start();

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("sleeper was not ready within 1 s (GET /health answers 200)");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void runsACommandToCompletionAndReturnsItsExitCode() {
        int exit = LocalProcess.builder("false")
                .command(List.of("sh", "-c", "exit 7"))
                .workDir(dir)
                .logFile(dir.resolve("run.log"))
                .run(Duration.ofSeconds(20));

        assertThat(exit).isEqualTo(7);
    }
}
