package io.newsflow.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.SafeHttp;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.state.Ledger;
import java.time.Clock;
import java.util.HashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    static final String CONTAINER_FACTORY = "fetchRequestContainerFactory";

    @Bean
    NewTopic fetchRequestsTopic(IngestProperties properties) {
        var topics = properties.topics();
        return TopicBuilder.name(properties.ingest().fetch().topic())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }

    @Bean
    NewTopic fetchStatusTopic(IngestProperties properties) {
        var topics = properties.topics();
        // Compacted: the latest record per article is its fetch state (and the page's validators), forever.
        return TopicBuilder.name(properties.ingest().fetch().statusTopic())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, FetchRequest> fetchRequestContainerFactory(
            ConsumerFactory<?, ?> consumerFactory, IngestProperties properties) {
        var config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class);
        config.put(JacksonJsonDeserializer.VALUE_DEFAULT_TYPE, FetchRequest.class.getName());
        config.put(JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS, false);
        // A request written before the group first joined is still taken.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A fetch may wait for its host's turn and then for a slow page: leave room before the group evicts us.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        // The fetchers sit idle most of the time, and an idle consumer asks the broker again every fetch.max.wait.ms
        // (500 ms by default): with one consumer per thread and topic that cost the batch endpoint more CPU than its
        // validation. The broker answers a fetch as soon as a record arrives, so a longer wait delays nothing new.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int)
                properties.ingest().fetch().maxFetchWait().toMillis());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, FetchRequest>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        return factory;
    }

    /**
     * Non-blocking retries (Spring Kafka's retry topics): a failed request goes to a retry topic and comes back after
     * the back-off, without holding up the other requests of its partition; after the last try it reaches the
     * dead-letter topic, whose handler publishes the article with what it had.
     */
    @Bean
    RetryTopicConfiguration fetchRetries(KafkaTemplate<String, Object> kafka, IngestProperties properties) {
        var fetch = properties.ingest().fetch();
        var topics = properties.topics();
        var backoff = fetch.backoff().toMillis();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(fetch.topic())
                .maxAttempts(fetch.attempts())
                .exponentialBackoff(backoff, 2.0, backoff * 8)
                .autoCreateTopicsWith(topics.partitions(), topics.replicationFactor())
                .listenerFactory(CONTAINER_FACTORY)
                // retries are the few requests that failed once: fewer consumers than the request topic
                .concurrency(fetch.retryConcurrency())
                .dltHandlerMethod(FetchListener.BEAN, "exhausted")
                .create(kafka);
    }

    /** The one politeness gate of this instance, for its page fetches and its feed and sitemap polls. */
    @Bean
    PoliteHosts politeHosts(IngestProperties properties, AddressPolicy addressPolicy, MeterRegistry meters) {
        var fetch = properties.ingest().fetch();
        return new PoliteHosts(
                pageHttp(fetch, addressPolicy),
                fetch.hostDelay(),
                fetch.instances(),
                fetch.maxHostWait(),
                fetch.robotsTtl(),
                fetch.robotsToken(),
                meters);
    }

    @Bean
    PageFetchWorker pageFetchWorker(
            IngestProperties properties,
            AddressPolicy addressPolicy,
            PoliteHosts politeHosts,
            WebPages pages,
            ArticleIntake intake,
            Ledger ledger,
            FetchStatusStore statuses,
            MeterRegistry meters) {
        var fetcher = new PageFetcher(pageHttp(properties.ingest().fetch(), addressPolicy), politeHosts);
        return new PageFetchWorker(fetcher, pages, intake, ledger, statuses, meters, Clock.systemUTC());
    }

    private static SafeHttp pageHttp(IngestProperties.Fetch fetch, AddressPolicy addressPolicy) {
        return new SafeHttp(
                SafeHttp.httpClient(fetch.connectTimeout()),
                addressPolicy,
                fetch.readTimeout(),
                fetch.maxPageSize().toBytes(),
                fetch.maxRedirects(),
                fetch.userAgentHeader());
    }
}
