package io.newsflow.ingest.feeds;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.fetch.FetchRequests;
import io.newsflow.ingest.fetch.PoliteHosts;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.SafeHttp;
import io.newsflow.ingest.intake.ArticleIntake;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class FeedsConfiguration {

    @Bean
    NewTopic feedsTopic(IngestProperties properties) {
        var topics = properties.topics();
        // Compacted: the latest record per feed is its registration and state, forever; a tombstone deletes it.
        return TopicBuilder.name(properties.ingest().feeds().topic())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean
    Clock feedClock() {
        return Clock.systemUTC();
    }

    @Bean
    FeedPoller feedPoller(
            IngestProperties properties,
            AddressPolicy feedAddressPolicy,
            ArticleIntake intake,
            FetchRequests fetchRequests,
            PoliteHosts politeHosts,
            MeterRegistry meters,
            Clock feedClock) {
        var feeds = properties.ingest().feeds();
        var fetcher = new FeedFetcher(
                new SafeHttp(
                        SafeHttp.httpClient(feeds.connectTimeout()),
                        feedAddressPolicy,
                        feeds.readTimeout(),
                        feeds.maxResponseSize().toBytes(),
                        feeds.maxRedirects(),
                        properties.ingest().fetch().userAgentHeader()),
                politeHosts);
        return new FeedPoller(
                fetcher,
                new FeedParser(),
                intake,
                fetchRequests,
                meters,
                feedClock,
                feeds.maxItemsPerPoll(),
                feeds.maxBackoff());
    }
}
