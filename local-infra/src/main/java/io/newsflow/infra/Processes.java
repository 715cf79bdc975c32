package io.newsflow.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Starting detached child processes, and finding, stopping and waiting for them by pid. */
public final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {}

    /**
     * Starts a command with stdin from /dev/null and stdout and stderr appended to the log file, in a session of its
     * own where {@code setsid} exists: a Ctrl-C meant for the caller then never reaches it, and it outlives the
     * caller's JVM.
     */
    public static Process startDetached(List<String> command, Path workDir, Map<String, String> env, Path logFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new InfraException("Could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion, output appended to the log file, and returns its exit code. */
    public static int run(List<String> command, Path workDir, Map<String, String> env, Path logFile, Duration timeout) {
        Process process = startDetached(command, workDir, env, logFile);
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stop(process.toHandle(), Duration.ofSeconds(5));
                throw new InfraException("'" + String.join(" ", command) + "' did not finish within " + timeout
                        + ". See " + logFile + ":\n" + tail(logFile, 20));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while running " + command.getFirst(), e);
        }
    }

    public static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException missingOrGarbled) {
            return Optional.empty();
        }
    }

    /**
     * The live process of a pid file, if its command line still mentions the marker: a stale pid file whose number
     * now belongs to somebody else's process must never get that process killed.
     */
    public static Optional<ProcessHandle> alive(Path pidFile, String marker) {
        return readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(commandLine -> commandLine.contains(marker))
                        .orElse(true));
    }

    /** SIGTERM to the process and all its descendants, then SIGKILL to whatever is still alive after the grace time. */
    public static boolean stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            descendants.forEach(tree::add);
        }
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, grace)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            return awaitExit(tree, Duration.ofSeconds(10));
        }
        return true;
    }

    public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        return waitUntil(() -> processes.stream().noneMatch(ProcessHandle::isAlive), timeout);
    }

    public static boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(Duration.ofMillis(250));
        }
        return true;
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while waiting", e);
        }
    }

    /** The last lines of a log file, for error messages; tolerant of a missing file and of binary garbage. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }
}
