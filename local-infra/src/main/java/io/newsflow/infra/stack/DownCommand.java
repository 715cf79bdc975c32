package io.newsflow.infra.stack;

import io.newsflow.infra.Ports;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** {@code down}: stops every process of the stack, services first, and checks that their ports are free. */
final class DownCommand {

    private final Components components;
    private final PrintStream out;

    DownCommand(Components components, PrintStream out) {
        this.components = components;
        this.out = out;
    }

    void run() {
        for (Component component : components.stopOrder()) {
            Optional<ProcessHandle> running = component.running();
            component.stop();
            out.printf(
                    "%-14s %s%n",
                    component.name(),
                    running.map(p -> "stopped (pid " + p.pid() + ")").orElse("not running"));
        }
        for (Component component : components.stopOrder()) {
            for (Component.Port port : component.ports()) {
                if (!Ports.awaitFree(port.number(), Duration.ofSeconds(10))) {
                    out.printf(
                            "warning: port %d (%s) is still in use by a process that newsflow did not start%n",
                            port.number(), component.name());
                }
            }
        }
    }
}
