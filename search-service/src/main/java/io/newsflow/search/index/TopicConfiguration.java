package io.newsflow.search.index;

import io.newsflow.kafka.DeadLetters;
import io.newsflow.search.SearchProperties;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the topics this service reads and writes; Spring Kafka creates those that are missing at start. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics searchTopics(SearchProperties properties) {
        var topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.enriched())
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .build(),
                TopicBuilder.name(DeadLetters.topicFor(topics.enriched()))
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .build());
    }
}
