package io.newsflow.search.indexing;

import io.newsflow.kafka.DeadLetters;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.stories.StoryAssigner;
import io.newsflow.search.stories.StoryMerger;
import io.newsflow.stories.StorySimilarity;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the indexing consumer batches and fails. This service's error handler replaces the shared one of
 * kafka-support (which gives up after a few retries): losing an article because Elasticsearch was down for a minute
 * is not acceptable here. Retriable failures never reach it (the listener holds the batch back, see
 * {@link IndexingBackOff}); whatever does reach it goes to the dead-letter topic at once.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

    @Bean
    DeadLetterPublishingRecoverer indexingDeadLetterRecoverer(
            ProducerFactory<Object, Object> producerFactory, IndexingMetrics metrics) {
        return DeadLetters.recoverer(producerFactory, metrics);
    }

    @Bean
    DefaultErrorHandler indexingErrorHandler(DeadLetterPublishingRecoverer indexingDeadLetterRecoverer) {
        // Nothing is retried here: an exception other than BatchListenerFailedException would make this handler
        // retry the whole batch in a loop of its own, and that loop outlives rebalances (see IndexingBackOff).
        var handler = new DefaultErrorHandler(indexingDeadLetterRecoverer, new FixedBackOff(0, 0));
        handler.defaultFalse(true);
        return handler;
    }

    /** One for live indexing and rebuilds alike: it remembers the articles this instance indexed lately. */
    @Bean
    StoryAssigner storyAssigner(ArticleIndex index, StoryMerger storyMerger) {
        return new StoryAssigner(index.stored(), StorySimilarity.DEFAULT, storyMerger);
    }

    /** Checks new stories once the index's refresh (1 s) shows what other consumers wrote meanwhile. */
    @Bean
    StoryMerger storyMerger(ArticleIndex index) {
        return new StoryMerger(index.stored(), StorySimilarity.DEFAULT, Duration.ofSeconds(2));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer indexingBatchLimits(SearchProperties properties) {
        var indexing = properties.search().indexing();
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, indexing.maxBatchRecords(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                        (int) indexing.maxBatchBytes().toBytes(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        (int) indexing.maxBatchBytes().toBytes(),
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                        (int) indexing.minBatchBytes().toBytes(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        (int) indexing.maxBatchWait().toMillis()));
    }
}
