package io.newsflow.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.infra.chaos.PartitionLeaders.Partition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionLeadersTest {

    private static final List<Integer> ALL = List.of(1, 2, 3);

    @Test
    void picksTheNodeThatLeadsTheMostPartitionsTheLowestAmongEquals() {
        var leaders = new PartitionLeaders(
                "raw",
                List.of(new Partition(0, 2, ALL, ALL), new Partition(1, 3, ALL, ALL), new Partition(2, 2, ALL, ALL)));

        assertThat(leaders.busiestLeader()).isEqualTo(2);
        assertThat(leaders.summary()).isEqualTo("node 2 leads 2, node 3 leads 1");
        assertThat(new PartitionLeaders("raw", List.of(new Partition(0, 3, ALL, ALL), new Partition(1, 1, ALL, ALL))))
                .extracting(PartitionLeaders::busiestLeader)
                .isEqualTo(1);
    }

    @Test
    void isFullyInSyncOnlyWhenEveryReplicaIs() {
        var behind = new PartitionLeaders(
                "raw", List.of(new Partition(0, 1, ALL, ALL), new Partition(1, 2, List.of(2, 3), ALL)));

        assertThat(behind.fullyInSync()).isFalse();
        assertThat(new PartitionLeaders("raw", List.of(new Partition(0, 1, ALL, ALL))).fullyInSync())
                .isTrue();
        assertThat(new PartitionLeaders("raw", List.of(new Partition(0, -1, List.of(), ALL))).summary())
                .isEqualTo("no leader 1");
    }
}
