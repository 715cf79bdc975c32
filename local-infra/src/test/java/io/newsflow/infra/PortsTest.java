package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void tellsATakenPortFromAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.isListening(port)).isTrue();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker", "set NEWSFLOW_KAFKA_PORT to a free port"))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("NEWSFLOW_KAFKA_PORT");
        }
        assertThat(Ports.isFree(Ports.free())).isTrue();
    }
}
