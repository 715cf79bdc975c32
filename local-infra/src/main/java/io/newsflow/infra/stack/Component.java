package io.newsflow.infra.stack;

import io.newsflow.infra.LocalProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One process of the stack: how to recognise, check, start and stop it. */
interface Component {

    String name();

    /** The port it is reached on. */
    int port();

    /** Every port it binds, each with the variable that moves it. */
    List<Port> ports();

    Duration startTimeout();

    /** What the command line of our process contains, to tell it from a stranger that reused its pid. */
    String marker();

    boolean isHealthy();

    /** Starts the process, writes the pid file, and returns once it is healthy. */
    void start();

    Settings settings();

    /** True when the running process predates what it would run now (a service jar rebuilt since). */
    default boolean isOutdated(ProcessHandle running) {
        return false;
    }

    default Path pidFile() {
        return settings().pidFile(name());
    }

    default Path logFile() {
        return settings().logFile(name());
    }

    default Optional<ProcessHandle> running() {
        return LocalProcess.running(pidFile(), marker());
    }

    default void stop() {
        running().ifPresent(process -> LocalProcess.stop(process, Duration.ofSeconds(30)));
        LocalProcess.deletePidFile(pidFile());
    }

    record Port(int number, String variable) {}
}
