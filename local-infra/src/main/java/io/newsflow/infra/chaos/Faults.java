package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import io.newsflow.infra.load.Item;
import io.newsflow.infra.stack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** Injects a scenario's fault into the stack and lifts it again before it returns, whatever happened meanwhile. */
final class Faults {

    private final LocalStack stack;
    private final ChaosArguments arguments;
    private final Topics topics;
    private final List<Item> templates;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Faults(LocalStack stack, ChaosArguments arguments, Topics topics, List<Item> templates, PrintStream out) {
        this.stack = stack;
        this.templates = templates;
        this.arguments = arguments;
        this.topics = topics;
        this.out = out;
    }

    /** The variable that sets enrich's max.poll.interval.ms (Spring Boot's spring.kafka.consumer.max-poll-interval). */
    static final String MAX_POLL_INTERVAL = "SPRING_KAFKA_CONSUMER_MAX_POLL_INTERVAL";

    /**
     * Enrich handles a poll at a time (up to 50 records, a few seconds at the slowest): with one record per poll the
     * short interval is overrun only by the slow article itself, not by a full poll of ordinary ones.
     */
    static final String MAX_POLL_RECORDS = "SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS";

    /**
     * Injects the fault; {@code send} sends articles of the fault's own (the slow article) into ingest and counts what
     * ingest acknowledged of them with the stream's.
     */
    Fault inject(Scenario scenario, String run, Consumer<List<Item>> send) {
        var started = System.nanoTime();
        var pills = List.<String>of();
        var problems = List.<String>of();
        switch (scenario) {
            case KILL_INGEST -> killAndRestart(LocalStack.INGEST);
            case KILL_ENRICH -> killAndRestart(LocalStack.ENRICH);
            case KILL_SEARCH -> killAndRestart(LocalStack.SEARCH);
            case KILL_KAFKA -> killKafka();
            case FREEZE_ELASTICSEARCH -> freeze();
            case READ_ONLY_ELASTICSEARCH -> readOnly();
            case POISON_PILLS -> {
                pills = PoisonPills.produce(stack.kafkaBootstrapServers(), run, topics.sources());
                out.printf(
                        "  produced %d poison pills onto %s%n", pills.size(), String.join(" and ", topics.sources()));
            }
            case SLOW_ARTICLE -> slowArticle(run, send);
            case REBALANCE -> rebalance();
            case KILL_BROKER -> killBroker();
            case REINDEX -> problems = reindex();
        }
        return new Fault(Duration.ofNanos(System.nanoTime() - started), pills, problems);
    }

    /**
     * What a scenario left behind once its audit is done: enrich, started with a shorter max.poll.interval for
     * {@code slow-article}, is stopped (SIGTERM) and started again as {@code up} starts it.
     */
    void restore(Scenario scenario) {
        if (scenario == Scenario.SLOW_ARTICLE) {
            out.println("  restarting enrich-service as 'up' starts it ...");
            stack.stop(LocalStack.ENRICH);
            stack.restart(LocalStack.ENRICH);
            out.println("  enrich-service healthy again");
        }
    }

    /**
     * Enrich with a max.poll.interval of {@code --poll-interval}, shorter than one article takes: the consumer
     * overruns it while it works on that article, and the group rebalances under it. The short interval stays until
     * {@link #restore}: the group has to get over it on its own.
     */
    private void slowArticle(String run, Consumer<List<Item>> send) {
        var interval = arguments.pollInterval().toMillis() + "ms";
        var pid = stack.stop(LocalStack.ENRICH);
        out.printf(
                "  SIGTERM to enrich-service (pid %d); starting it with %s=%s and %s=1 ...%n",
                pid, MAX_POLL_INTERVAL, interval, MAX_POLL_RECORDS);
        stack.restart(LocalStack.ENRICH, Map.of(MAX_POLL_INTERVAL, interval, MAX_POLL_RECORDS, "1"));
        var article = SlowArticle.of(templates, run);
        out.printf(
                "  enrich-service healthy; sending one article of %d characters (%s) ...%n",
                article.article().path("body").asString("").length(), article.origin());
        send.accept(List.of(article));
        ScenarioRun.pause(arguments.slowHold());
    }

    /**
     * Each group rebalances four times: a second enrich and a second search join, leave on SIGTERM (their graceful
     * shutdown: the poll in hand finished and committed), join again and are SIGKILLed (the partitions they held are
     * read again from their last commit by the first instances, once the session timed out).
     */
    private void rebalance() {
        var services = List.of(LocalStack.ENRICH, LocalStack.SEARCH);
        var started = Collections.synchronizedList(new ArrayList<String>());
        // a second instance left running would keep half the partitions of a stack 'down' does not know it has
        var cleanUp = new Thread(
                () -> List.copyOf(started).forEach(name -> {
                    try {
                        stack.kill(name);
                    } catch (InfraException alreadyGone) {
                        // it was stopped in time
                    }
                }),
                "newsflow-chaos-seconds");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            for (var round = 1; round <= 2; round++) {
                for (var service : services) {
                    out.printf("  starting a second %s ...%n", service);
                    var second = stack.startSecond(service);
                    started.add(second);
                    out.printf("  %s healthy%n", second);
                }
                ScenarioRun.pause(arguments.warmUp());
                for (var second : List.copyOf(started)) {
                    if (round == 1) {
                        out.printf("  SIGTERM to %s (pid %d)%n", second, stack.stop(second));
                    } else {
                        out.printf("  SIGKILL to %s (pid %d)%n", second, stack.kill(second));
                    }
                    started.remove(second);
                }
                ScenarioRun.pause(arguments.warmUp());
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            cleanUp.run();
            started.clear();
        }
    }

    /**
     * One broker of three SIGKILLed: the one that leads the most partitions of the raw topic, so that ingest's producer
     * loses the leader it writes to and waits for a new one among the two in-sync replicas left (min.insync.replicas
     * 2 still holds). Restarted after {@code --kafka-down}; the fault lasts until it is back in every raw partition's
     * in-sync replicas.
     */
    private void killBroker() {
        var bootstrap = stack.kafkaBootstrapServers();
        var before = PartitionLeaders.of(bootstrap, topics.raw());
        var node = before.busiestLeader();
        var name = LocalStack.broker(node);
        out.printf("  %s: %s%n", topics.raw(), before.summary());
        out.printf("  SIGKILL to %s (node %d, pid %d)%n", name, node, stack.kill(name));
        var killed = System.nanoTime();
        var moved = Poll.until(
                () -> PartitionLeaders.of(bootstrap, topics.raw()).partitions().stream()
                        .allMatch(p -> p.leader() >= 0 && p.leader() != node),
                arguments.kafkaDown(),
                Duration.ofSeconds(1));
        var during = PartitionLeaders.of(bootstrap, topics.raw());
        out.printf(
                "  %s%s: %s%n",
                moved ? "leaders moved, " : "leaders not all moved yet, ", topics.raw(), during.summary());
        var left = arguments.kafkaDown().minusNanos(System.nanoTime() - killed);
        if (left.isPositive()) {
            ScenarioRun.pause(left);
        }
        out.printf("  restarting %s as 'up' starts it ...%n", name);
        stack.restart(name);
        out.printf("  %s healthy again; waiting for it to be in sync ...%n", name);
        var started = System.nanoTime();
        if (!Poll.until(
                () -> PartitionLeaders.of(bootstrap, topics.raw()).fullyInSync(),
                arguments.timeout(),
                Duration.ofSeconds(1))) {
            throw new InfraException(name + " was not back in the in-sync replicas of " + topics.raw() + " within "
                    + ChaosReport.seconds(arguments.timeout()));
        }
        out.printf(
                "  every replica of %s in sync again after %s: %s%n",
                topics.raw(),
                ChaosReport.seconds(Duration.ofNanos(System.nanoTime() - started)),
                PartitionLeaders.of(bootstrap, topics.raw()).summary());
    }

    private List<String> reindex() {
        var adminKey = stack.adminKey()
                .orElseThrow(() -> new InfraException(
                        "no admin key in .newsflow/credentials/admin-key: start the" + " stack with ./newsflow up -d"));
        return new Reindex(stack.search(), stack.elasticsearch(), topics.alias(), adminKey, out)
                .run(arguments.timeout());
    }

    private void killAndRestart(String name) {
        var pid = stack.kill(name);
        out.printf("  SIGKILL to %s (pid %d)%n", name, pid);
        out.printf("  restarting %s as 'up' starts it ...%n", name);
        stack.restart(name);
        out.printf("  %s healthy again%n", name);
    }

    /**
     * Every broker SIGKILLed, so that ingest has no Kafka at all to write to (on three brokers, killing one is {@code
     * kill-broker}); restarted after {@code --kafka-down}, side by side: a node of three answers only once two of them
     * form the quorum again.
     */
    private void killKafka() {
        var brokers = IntStream.rangeClosed(1, stack.brokers())
                .mapToObj(LocalStack::broker)
                .toList();
        brokers.forEach(name -> out.printf("  SIGKILL to %s (pid %d)%n", name, stack.kill(name)));
        ScenarioRun.pause(arguments.kafkaDown());
        out.printf(
                "  restarting %s as 'up' starts %s ...%n",
                String.join(", ", brokers), brokers.size() == 1 ? "it" : "them");
        stack.restartTogether(brokers);
        out.printf("  %s healthy again%n", String.join(", ", brokers));
    }

    private void freeze() {
        // SIGCONT also if this JVM is stopped meanwhile: a node left frozen would hang the whole stack
        var thaw = new Thread(() -> stack.signal(LocalStack.ELASTICSEARCH, "CONT"), "newsflow-chaos-thaw");
        Runtime.getRuntime().addShutdownHook(thaw);
        try {
            stack.signal(LocalStack.ELASTICSEARCH, "STOP");
            out.printf("  SIGSTOP to elasticsearch, frozen for %s%n", ChaosReport.seconds(arguments.freeze()));
            ScenarioRun.pause(arguments.freeze());
        } finally {
            stack.signal(LocalStack.ELASTICSEARCH, "CONT");
            Runtime.getRuntime().removeShutdownHook(thaw);
            out.println("  SIGCONT to elasticsearch");
        }
    }

    private void readOnly() {
        var unblock = new Thread(() -> block(false), "newsflow-chaos-unblock");
        Runtime.getRuntime().addShutdownHook(unblock);
        try {
            block(true);
            out.printf(
                    "  index.blocks.read_only_allow_delete set on %s for %s%n",
                    topics.alias(), ChaosReport.seconds(arguments.block()));
            ScenarioRun.pause(arguments.block());
        } finally {
            block(false);
            Runtime.getRuntime().removeShutdownHook(unblock);
            out.println("  the block removed");
        }
    }

    /** The block disk usage above the flood-stage watermark sets; {@code null} removes it. */
    private void block(boolean on) {
        var body = "{\"index.blocks.read_only_allow_delete\": " + (on ? "true" : "null") + "}";
        var uri = stack.elasticsearch().resolve("/" + topics.alias() + "/_settings");
        try {
            var response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InfraException(
                        "PUT " + uri + " " + body + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new InfraException("Elasticsearch is not reachable at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while setting the block", e);
        }
    }
}
