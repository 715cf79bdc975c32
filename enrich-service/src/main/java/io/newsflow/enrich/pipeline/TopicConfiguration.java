package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.kafka.DeadLetters;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service owns: the one it writes and the dead-letter topic its consumer fills. The raw topic
 * it reads belongs to the ingest service. Spring Kafka creates those that are missing at start.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

    @Bean
    KafkaAdmin.NewTopics enrichTopics(EnrichProperties properties) {
        var topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                // As many partitions as the raw topic, so that a dead letter keeps its partition.
                topic(DeadLetters.topicFor(topics.raw()), topics).build(),
                // Compacted: the latest enriched revision of every article stays, so the index can be rebuilt.
                topic(topics.enriched(), topics)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        // as large as the producer's max.request.size: an enriched event is up to about twice
                        // the largest article ingest accepts
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_EVENT_BYTES))
                        .build());
    }

    private static TopicBuilder topic(String name, EnrichProperties.Topics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
    }
}
