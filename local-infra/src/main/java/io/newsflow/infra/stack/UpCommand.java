package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import io.newsflow.infra.Ports;
import io.newsflow.infra.load.DemoData;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: Kafka, then Elasticsearch, then the three services side by side; then the samples and the URLs. In the
 * foreground it stops what it started when the JVM is told to exit (Ctrl-C); detached, only when a start fails.
 */
final class UpCommand {

    private final Components components;
    private final Settings settings;
    private final PrintStream out;
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());

    UpCommand(Components components, Settings settings, PrintStream out) {
        this.components = components;
        this.settings = settings;
        this.out = out;
    }

    void run(boolean detach) {
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopStarted, "newsflow-shutdown"));
        }
        try {
            SideBySide.start(components.brokers(), this::ensure);
            components.infrastructure().forEach(this::ensure);
            SideBySide.start(components.services(), this::ensure);
        } catch (InfraException e) {
            if (detach) {
                stopStarted();
            }
            throw e;
        }
        var keys = new LocalCredentials(settings).ensure(LocalCredentials.adminKey(settings));
        try {
            new DemoData(
                            settings.home().resolve("samples"),
                            settings.stateDir().resolve("demo-anchor"),
                            URI.create("http://127.0.0.1:" + settings.ingestPort() + "/"),
                            Optional.of(keys.loader()),
                            URI.create("http://127.0.0.1:" + settings.searchPort() + "/"),
                            Optional.of(keys.editor()),
                            Clock.systemUTC(),
                            out)
                    .load();
        } catch (InfraException e) {
            // The stack runs all the same; the user can load the samples later with './newsflow load samples'.
            out.println("Loading the samples failed: " + e.getMessage());
        }
        Banner.print(settings, keys, out);
        if (detach) {
            out.println("Running in the background. Stop everything with: ./newsflow down");
            return;
        }
        out.println("Press Ctrl-C to stop everything this command started.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses to start with another number of brokers than the recorded ones while one of those runs: its data, its
     * ports and the services' bootstrap servers belong to the other cluster.
     */
    static void requireSameBrokers(Settings recorded, int requested) {
        if (recorded.brokerCount() == requested) {
            return;
        }
        var running = Components.of(recorded).brokers().stream()
                .filter(broker -> broker.running().isPresent())
                .map(Component::name)
                .toList();
        if (!running.isEmpty()) {
            throw new InfraException(
                    "Kafka runs with " + recorded.brokerCount() + " broker(s) (" + String.join(", ", running)
                            + "), not " + requested + ": stop the stack first with ./newsflow down, or start it with"
                            + " ./newsflow up --brokers " + recorded.brokerCount());
        }
    }

    /**
     * Reuses a healthy running instance (restarting a service whose jar was rebuilt since it started), refuses a port
     * taken by a stranger, and otherwise starts the process.
     */
    void ensure(Component component) {
        Optional<ProcessHandle> running = component.running();
        if (running.isPresent() && component.isOutdated(running.get())) {
            out.printf(
                    "%-14s restarting (pid %d): its jar was rebuilt after it started%n",
                    component.name(), running.get().pid());
            component.stop();
            running = Optional.empty();
        }
        if (running.isPresent()) {
            if (Poll.until(component::isHealthy, component.startTimeout())) {
                out.printf(
                        "%-14s already running (pid %d), reused%n",
                        component.name(), running.get().pid());
                return;
            }
            throw new InfraException(
                    component.name() + " is running (pid " + running.get().pid() + ") but not healthy. See "
                            + component.logFile() + ", or restart with: ./newsflow down");
        }
        for (Component.Port port : component.ports()) {
            Ports.requireFree(port.number(), component.name(), "set " + port.variable() + " to a free port");
        }
        out.printf(
                "%-14s starting on port %d, log %s%n",
                component.name(), component.port(), settings.relative(component.logFile()));
        started.add(component);
        component.start();
        long pid = component.running().map(ProcessHandle::pid).orElse(-1L);
        out.printf("%-14s healthy (pid %d)%n", component.name(), pid);
    }

    private void stopStarted() {
        List<Component> toStop;
        synchronized (started) {
            toStop = components.stopOrder().stream().filter(started::contains).toList();
            started.clear();
        }
        for (Component component : toStop) {
            out.println("Stopping " + component.name());
            component.stop();
        }
    }
}
