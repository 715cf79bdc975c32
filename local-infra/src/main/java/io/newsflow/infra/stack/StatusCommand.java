package io.newsflow.infra.stack;

import java.io.PrintStream;
import java.util.Optional;

/** {@code status}: one line per process: state, pid, port, health, log file. */
final class StatusCommand {

    private final Components components;
    private final Settings settings;
    private final PrintStream out;

    StatusCommand(Components components, Settings settings, PrintStream out) {
        this.components = components;
        this.settings = settings;
        this.out = out;
    }

    void run() {
        out.printf("%-14s %-8s %-8s %-6s %-9s %s%n", "NAME", "STATE", "PID", "PORT", "HEALTH", "LOG");
        for (Component component : components.startOrder()) {
            Optional<ProcessHandle> running = component.running();
            String health = running.isEmpty() ? "-" : component.isHealthy() ? "healthy" : "unhealthy";
            out.printf(
                    "%-14s %-8s %-8s %-6d %-9s %s%n",
                    component.name(),
                    running.isPresent() ? "running" : "stopped",
                    running.map(p -> Long.toString(p.pid())).orElse("-"),
                    component.port(),
                    health,
                    settings.relative(component.logFile()));
        }
    }
}
