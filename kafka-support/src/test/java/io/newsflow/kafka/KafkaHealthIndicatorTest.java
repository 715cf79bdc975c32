package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaHealthIndicatorTest {

    // Polled, as a readiness probe is: the first answer of a new admin client can take longer than one check's
    // timeout on a loaded machine (its connection and metadata come first), and then that check says DOWN.
    @Test
    void isUpWithTheClusterIdWhenTheBrokerAnswers() {
        try (var indicator = indicator(TestInfrastructure.get().kafkaBootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var health = indicator.health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
            });
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
