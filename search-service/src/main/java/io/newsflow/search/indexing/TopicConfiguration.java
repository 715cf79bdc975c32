package io.newsflow.search.indexing;

import io.newsflow.kafka.DeadLetters;
import io.newsflow.search.SearchProperties;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service owns; Spring Kafka creates those that are missing at start. A topic is declared by
 * the service that writes it, a dead-letter topic by the service whose consumer fills it: here only the enriched
 * topic's dead letters. The enriched topic itself belongs to the enrich service.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics searchTopics(SearchProperties properties) {
        var topics = properties.topics();
        return new KafkaAdmin.NewTopics(TopicBuilder.name(DeadLetters.topicFor(topics.enriched()))
                // as many partitions as its source, so that an article's failures stay in order
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                // an enriched event can be up to 4 MB (the enrich service's max.request.size), and so its dead letter
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024))
                .build());
    }
}
