package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Who leads each partition of a topic and which replicas are in sync, as the brokers see it now. */
record PartitionLeaders(String topic, List<Partition> partitions) {

    /** @param leader the leader's node.id, -1 while the partition has none */
    record Partition(int partition, int leader, List<Integer> inSync, List<Integer> replicas) {}

    static PartitionLeaders of(String bootstrapServers, String topic) {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (var admin = Admin.create(properties)) {
            var description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            return new PartitionLeaders(
                    topic,
                    description.partitions().stream()
                            .map(PartitionLeaders::partition)
                            .sorted(Comparator.comparingInt(Partition::partition))
                            .toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraException("Cannot describe " + topic + " at " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while describing " + topic, e);
        }
    }

    private static Partition partition(TopicPartitionInfo info) {
        Function<List<Node>, List<Integer>> ids =
                nodes -> nodes.stream().map(Node::id).sorted().toList();
        return new Partition(
                info.partition(),
                info.leader() == null ? -1 : info.leader().id(),
                ids.apply(info.isr()),
                ids.apply(info.replicas()));
    }

    /** The node that leads the most partitions (the lowest id among equals). */
    int busiestLeader() {
        return leadersByNode().entrySet().stream()
                .filter(entry -> entry.getKey() >= 0)
                .max(Map.Entry.<Integer, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new InfraException(topic + " has no partition with a leader"));
    }

    /** Partitions led, by node id. */
    Map<Integer, Long> leadersByNode() {
        return partitions.stream()
                .collect(Collectors.groupingBy(Partition::leader, TreeMap::new, Collectors.counting()));
    }

    /** True when every replica of every partition is in sync again. */
    boolean fullyInSync() {
        return partitions.stream().allMatch(p -> p.inSync().equals(p.replicas()));
    }

    /** e.g. {@code node 1 leads 2, node 3 leads 1}. */
    String summary() {
        return leadersByNode().entrySet().stream()
                .map(entry -> (entry.getKey() < 0 ? "no leader" : "node " + entry.getKey() + " leads") + " "
                        + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
