package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
}
