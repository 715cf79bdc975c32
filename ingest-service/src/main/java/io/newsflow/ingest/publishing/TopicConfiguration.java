package io.newsflow.ingest.publishing;

import io.newsflow.ingest.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic rawArticlesTopic(IngestProperties properties) {
        var topics = properties.topics();
        return TopicBuilder.name(topics.raw())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
