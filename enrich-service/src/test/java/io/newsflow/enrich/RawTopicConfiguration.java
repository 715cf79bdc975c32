package io.newsflow.enrich;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The raw topic, which the ingest service declares in production; without ingest, the tests declare it here. */
@TestConfiguration(proxyBeanMethods = false)
public class RawTopicConfiguration {

    @Bean
    NewTopic rawTopic(EnrichProperties properties) {
        var topics = properties.topics();
        return TopicBuilder.name(topics.raw())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
