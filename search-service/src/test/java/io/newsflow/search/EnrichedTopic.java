package io.newsflow.search;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The enriched topic as the enrich service declares it (compacted, {@code newsflow.topics.partitions} partitions):
 * this service only reads it, so a test that runs it alone creates the topic itself, before the listener starts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EnrichedTopic {

    @Bean
    NewTopic enrichedArticles(SearchProperties properties) {
        var topics = properties.topics();
        return TopicBuilder.name(topics.enriched())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
