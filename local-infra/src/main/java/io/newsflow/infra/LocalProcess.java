package io.newsflow.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A program run as a child process: the local Kafka broker, the local Elasticsearch node, a service. Its output goes to
 * a log file, its pid to an optional pid file (so another JVM, e.g. {@code ./newsflow down}, can find it), readiness is
 * a bounded poll of a probe, and stopping sends SIGTERM to its whole process tree, then SIGKILL after a grace period.
 *
 * <pre>{@code
 * LocalProcess service = LocalProcess.builder("search-service")
 *         .command(List.of(java, "-jar", jar))
 *         .logFile(log)
 *         .readyWhen("GET " + health + " answers 200", () -> HttpProbe.ok(health))
 *         .start()
 *         .awaitReady(Duration.ofMinutes(2));
 * }</pre>
 */
public final class LocalProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final Builder spec;
    private final Process process;

    private LocalProcess(Builder spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Alive and its readiness probe answers. */
    public boolean isReady() {
        return process.isAlive() && spec.readiness.getAsBoolean();
    }

    /**
     * Polls the readiness probe until it answers, for at most the timeout. A process that exits or never gets ready is
     * stopped, and the exception quotes the end of its log.
     */
    public LocalProcess awaitReady(Duration timeout) {
        boolean ready = Poll.until(() -> !process.isAlive() || spec.readiness.getAsBoolean(), timeout);
        if (ready && process.isAlive()) {
            return this;
        }
        String why = process.isAlive()
                ? "was not ready within " + timeout.toSeconds() + " s (" + spec.readinessDescription + ")"
                : "exited with code " + process.exitValue();
        stop();
        throw new InfraException(spec.name + " " + why + ". See " + spec.logFile + ":\n" + tail(spec.logFile, 20));
    }

    /** Waits at most the timeout for the process to end; its exit code, or empty while it still runs. */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** SIGTERM to the process tree, SIGKILL after the grace period, then the pid file goes. */
    public void stop() {
        stop(process.toHandle(), spec.stopGrace);
        try {
            // The handles see the exit before the JVM's reaper thread has recorded it on the Process: wait for that
            // too, so that isAlive() agrees once stop() returns (on a busy machine the gap was long enough to show).
            process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (spec.pidFile != null) {
            deletePidFile(spec.pidFile);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The live process of a pid file, if its command line still mentions the marker: a stale pid file whose number now
     * belongs to somebody else's process must never get that process killed.
     */
    public static Optional<ProcessHandle> running(Path pidFile, String marker) {
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
        if (Poll.until(() -> tree.stream().noneMatch(ProcessHandle::isAlive), grace)) {
            return true;
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return Poll.until(() -> tree.stream().noneMatch(ProcessHandle::isAlive), KILL_TIMEOUT);
    }

    public static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file is checked against the live process before it is used
        }
    }

    /** Empties (or creates) a log file, so that it holds only the coming run. */
    public static void newLog(Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "");
        } catch (IOException e) {
            throw new InfraException("Cannot write " + logFile + ": " + e.getMessage(), e);
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

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException missingOrGarbled) {
            return Optional.empty();
        }
    }

    /** What to run and how to tell it is ready; {@link #start()} launches it. */
    public static final class Builder {

        private final String name;
        private List<String> command = List.of();
        private Path workDir = Path.of(".");
        private Map<String, String> environment = Map.of();
        private Path logFile;
        private Path pidFile;
        private String readinessDescription = "started";
        private BooleanSupplier readiness = () -> true;
        private Duration stopGrace = Duration.ofSeconds(30);

        private Builder(String name) {
            this.name = name;
        }

        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Added to the environment this JVM passes on. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Where stdout and stderr are appended. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile.toAbsolutePath();
            return this;
        }

        public Builder pidFile(Path pidFile) {
            this.pidFile = pidFile.toAbsolutePath();
            return this;
        }

        /** The probe {@link LocalProcess#awaitReady} polls, and what it checks, for the error message. */
        public Builder readyWhen(String description, BooleanSupplier probe) {
            this.readinessDescription = description;
            this.readiness = probe;
            return this;
        }

        public Builder stopGrace(Duration stopGrace) {
            this.stopGrace = stopGrace;
            return this;
        }

        /**
         * Launches the command with stdin from /dev/null, in a session of its own where {@code setsid} exists: a Ctrl-C
         * meant for the caller then never reaches it, and it outlives the caller's JVM.
         */
        public LocalProcess start() {
            Objects.requireNonNull(logFile, "logFile");
            List<String> full = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            try {
                Files.createDirectories(logFile.getParent());
                ProcessBuilder builder = new ProcessBuilder(full)
                        .directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectErrorStream(true);
                builder.environment().putAll(environment);
                LocalProcess started = new LocalProcess(this, builder.start());
                if (pidFile != null) {
                    writePid(started.pid());
                }
                return started;
            } catch (IOException e) {
                throw new InfraException("Could not start " + name + " (" + String.join(" ", command) + "): " + e, e);
            }
        }

        /** Runs the command to completion and returns its exit code; one that outlives the timeout is stopped. */
        public int run(Duration timeout) {
            LocalProcess started = start();
            try {
                if (!started.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    started.stop();
                    throw new InfraException("'" + String.join(" ", command) + "' did not finish within "
                            + timeout.toSeconds() + " s. See " + logFile + ":\n" + tail(logFile, 20));
                }
                return started.process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException("Interrupted while running " + name, e);
            }
        }

        private void writePid(long pid) {
            try {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, pid + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
