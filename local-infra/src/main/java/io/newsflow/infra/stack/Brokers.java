package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The local Kafka cluster: one combined broker and controller ({@code up}) or three ({@code up --brokers 3}). Node 1
 * listens on NEWSFLOW_KAFKA_PORT and NEWSFLOW_KAFKA_CONTROLLER_PORT; node n on those + 2(n-1), so the default 9092 and
 * 9093 give 9094/9095 and 9096/9097, and no node's ports depend on a free-port search that would differ between
 * {@code up}, {@code status} and {@code chaos}.
 */
record Brokers(int count, int port, int controllerPort) {

    static final List<Integer> COUNTS = List.of(1, 3);

    /** How far apart two nodes' ports are: one broker and one controller port each. */
    static final int STEP = 2;

    Brokers {
        if (!COUNTS.contains(count)) {
            throw new InfraException("--brokers takes 1 or 3, not " + count);
        }
        if (port(count) > 65535 || controllerPort(count) > 65535) {
            throw new InfraException("Kafka's " + count + " brokers need ports up to " + (port + STEP * (count - 1))
                    + " and " + (controllerPort + STEP * (count - 1)) + ": choose lower NEWSFLOW_KAFKA_PORT and"
                    + " NEWSFLOW_KAFKA_CONTROLLER_PORT.");
        }
    }

    /** Node ids, 1 to count. */
    List<Integer> nodes() {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    int port(int node) {
        return port + STEP * (node - 1);
    }

    int controllerPort(int node) {
        return controllerPort + STEP * (node - 1);
    }

    List<Integer> ports() {
        return nodes().stream().map(this::port).toList();
    }

    List<Integer> controllerPorts() {
        return nodes().stream().map(this::controllerPort).toList();
    }

    /** What the services and the tools get as {@code bootstrap.servers}: every node, so any one of them may be down. */
    String bootstrapServers() {
        return ports().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** The component's name: {@code kafka} for node 1 (as with one broker), {@code kafka-<n>} for the others. */
    static String name(int node) {
        return node == 1 ? "kafka" : "kafka-" + node;
    }

    /** The node a component name stands for; the inverse of {@link #name}. */
    static int node(String name) {
        if (name.equals("kafka")) {
            return 1;
        }
        if (name.matches("kafka-[0-9]+")) {
            return Integer.parseInt(name.substring("kafka-".length()));
        }
        throw new InfraException("No broker named " + name);
    }

    /**
     * Every port the cluster binds, checked against the stack's other ports: with NEWSFLOW_KAFKA_CONTROLLER_PORT two
     * or four above NEWSFLOW_KAFKA_PORT a controller would take a broker's port.
     */
    void requireDistinct(List<Integer> others) {
        var all = new ArrayList<Integer>(ports());
        all.addAll(controllerPorts());
        all.addAll(others);
        if (all.stream().distinct().count() != all.size()) {
            throw new InfraException("The " + count + " Kafka brokers listen on " + ports() + ", their controllers on "
                    + controllerPorts() + " (NEWSFLOW_KAFKA_PORT and NEWSFLOW_KAFKA_CONTROLLER_PORT, each + 2 per"
                    + " further broker), which collides with another port of the stack " + others + ". Choose"
                    + " other ports.");
        }
    }
}
