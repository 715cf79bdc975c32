package io.newsflow.ingest.state;

import io.newsflow.ingest.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class StateTopicConfiguration {

    @Bean
    NewTopic ingestStateNewTopic(IngestProperties properties) {
        var topics = properties.topics();
        // Compacted: the last record per article id is all a starting instance needs to read.
        return TopicBuilder.name(topics.ingestState())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .compact()
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                .build();
    }
}
