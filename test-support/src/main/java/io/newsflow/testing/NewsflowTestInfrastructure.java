package io.newsflow.testing;

import java.net.URI;
import java.util.List;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node.Protocol;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points Spring Boot's Kafka and Elasticsearch auto-configuration at the {@link TestInfrastructure} of this JVM. The
 * connection details win over {@code spring.kafka.bootstrap-servers} and {@code spring.elasticsearch.uris}, and the
 * configuration is the same for every test class, so the context cache shares one context per service.
 *
 * <pre>{@code @SpringBootTest @Import(NewsflowTestInfrastructure.class)}</pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class NewsflowTestInfrastructure {

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails() {
        List<String> bootstrapServers =
                List.of(TestInfrastructure.get().kafkaBootstrapServers().split(","));
        return () -> bootstrapServers;
    }

    @Bean
    ElasticsearchConnectionDetails elasticsearchConnectionDetails() {
        URI url = URI.create(TestInfrastructure.get().elasticsearchUrl());
        Protocol protocol = "https".equalsIgnoreCase(url.getScheme()) ? Protocol.HTTPS : Protocol.HTTP;
        int port = url.getPort() != -1 ? url.getPort() : 9200;
        List<Node> nodes = List.of(new Node(url.getHost(), port, protocol));
        return () -> nodes;
    }
}
