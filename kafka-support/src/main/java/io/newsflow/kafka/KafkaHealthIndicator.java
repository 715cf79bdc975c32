package io.newsflow.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster answers. Spring Boot has no Kafka health indicator; services put this one in
 * their readiness group so that a load balancer stops sending work to an instance that cannot reach Kafka.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KafkaAdmin admin;
    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        var clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
    }

    private AdminClient client() {
        // Created on first use and kept: a new admin client per probe would open a connection every few seconds.
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }
}
