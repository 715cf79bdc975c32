package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaHealthIndicatorTest {

    @Test
    void isUpWithTheClusterIdWhenTheBrokerAnswers() {
        try (var indicator = indicator(TestInfrastructure.get().kafkaBootstrapServers())) {
            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
        }
    }

    @Test
    void isDownWhenNoBrokerAnswers() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var indicator = indicator("127.0.0.1:" + closedPort)) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static ClosableIndicator indicator(String bootstrapServers) {
        return new ClosableIndicator(new KafkaAdmin(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                1000)));
    }

    private static final class ClosableIndicator extends KafkaHealthIndicator implements AutoCloseable {

        ClosableIndicator(KafkaAdmin admin) {
            super(admin);
        }

        @Override
        public void close() {
            destroy();
        }
    }
}
