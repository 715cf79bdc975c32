package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void configuresASingleCombinedNodeWithReplicationFactorsOfOne() {
        String config = new LocalKafka(Path.of("/tmp/k"), 19092, 19093).serverProperties();

        assertThat(config)
                .contains("process.roles=broker,controller")
                .contains("controller.quorum.voters=1@127.0.0.1:19093")
                .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092")
                .contains("node.id=1\n")
                .contains("default.replication.factor=1")
                .contains("min.insync.replicas=1")
                .contains("offsets.topic.replication.factor=1")
                .contains("transaction.state.log.replication.factor=1")
                .contains("transaction.state.log.min.isr=1")
                .contains("share.coordinator.state.topic.replication.factor=1")
                .contains("group.initial.rebalance.delay.ms=0")
                .contains("log.dirs=/tmp/k/data");
    }

    @Test
    void configuresANodeOfThreeWithReplicationFactorThreeAndTwoInSyncReplicas() {
        String config = new LocalKafka(Path.of("/tmp/k2"), 17094, 17095)
                .inCluster(2, List.of(17093, 17095, 17097), "id")
                .serverProperties();

        assertThat(config)
                .contains("process.roles=broker,controller")
                .contains("node.id=2\n")
                .contains("controller.quorum.voters=1@127.0.0.1:17093,2@127.0.0.1:17095,3@127.0.0.1:17097")
                .contains("listeners=PLAINTEXT://127.0.0.1:17094,CONTROLLER://127.0.0.1:17095")
                .contains("advertised.listeners=PLAINTEXT://127.0.0.1:17094")
                .contains("default.replication.factor=3")
                .contains("min.insync.replicas=2")
                .contains("offsets.topic.replication.factor=3")
                .contains("transaction.state.log.replication.factor=3")
                .contains("transaction.state.log.min.isr=2")
                .contains("share.coordinator.state.topic.replication.factor=3")
                .contains("share.coordinator.state.topic.min.isr=2");
    }

    @Test
    void refusesANodeWhoseControllerPortIsNotItsOwnInTheQuorum() {
        assertThatThrownBy(() -> new LocalKafka(Path.of("/tmp/k"), 17094, 17095)
                        .inCluster(3, List.of(17093, 17095, 17097), "id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makesClusterIdsInKafkasFormat() {
        assertThat(LocalKafka.newClusterId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(LocalKafka.newClusterId()).isNotEqualTo(LocalKafka.newClusterId());
    }

    @Test
    void clusterIdsNeverStartWithADashThatTheStorageToolWouldTakeForAnOption() {
        // One random id in 64 starts with '-': among 10,000 a broken generator yields one with certainty.
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> LocalKafka.newClusterId()))
                .noneMatch(id -> id.startsWith("-"));
    }

    @Test
    void aClosedPortIsNotAHealthyBroker() {
        assertThat(LocalKafka.isHealthy(Ports.free())).isFalse();
    }
}
