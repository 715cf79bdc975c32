package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void takesTheInfrastructureFromTheEnvironmentWhenBothVariablesAreSet() {
        TestInfrastructure infrastructure = TestInfrastructure.fromEnvironment(Map.of(
                        TestInfrastructure.KAFKA_VARIABLE, "127.0.0.1:39092",
                        TestInfrastructure.ELASTICSEARCH_VARIABLE, "http://127.0.0.1:39200"))
                .orElseThrow();

        assertThat(infrastructure.provider()).isEqualTo("environment");
        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("127.0.0.1:39092");
        assertThat(infrastructure.elasticsearchUrl()).isEqualTo("http://127.0.0.1:39200");
    }

    @Test
    void startsItsOwnWhenAVariableIsMissing() {
        assertThat(TestInfrastructure.fromEnvironment(Map.of(TestInfrastructure.KAFKA_VARIABLE, "127.0.0.1:39092")))
                .isEmpty();
        assertThat(TestInfrastructure.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void runsLocalProcessesUnlessContainersAreChosenExplicitly() {
        assertThat(TestInfrastructure.containersChosen(Map.of())).isFalse();
        assertThat(TestInfrastructure.containersChosen(Map.of(TestInfrastructure.INFRA_VARIABLE, "processes")))
                .isFalse();
        assertThat(TestInfrastructure.containersChosen(Map.of(TestInfrastructure.INFRA_VARIABLE, "containers")))
                .isTrue();
    }

    @Test
    void refusesAnInfrastructureItDoesNotKnow() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> TestInfrastructure.containersChosen(Map.of(TestInfrastructure.INFRA_VARIABLE, "docker")))
                .withMessageContaining(TestInfrastructure.INFRA_VARIABLE);
    }

    @Test
    void containersRunTheElasticsearchVersionOfTheLocalNode() {
        assertThat(TestInfrastructure.ELASTICSEARCH_IMAGE)
                .matches("docker\\.elastic\\.co/elasticsearch/elasticsearch:9\\.\\d+\\.\\d+");
    }
}
