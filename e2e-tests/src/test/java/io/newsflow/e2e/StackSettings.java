package io.newsflow.e2e;

import io.newsflow.testing.TestInfrastructure;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The settings that keep one test run's stack apart from the others on the shared broker and node: every topic,
 * consumer group and index is named after the run, so a stack never reads what another left behind and every count a
 * test makes is exact. A new topic or group of a service belongs here, or two stacks would share it.
 */
public record StackSettings(String run, String kafka, String elasticsearch) {

    /** A run named by the prefix and a random suffix, on the build's broker and node. */
    public static StackSettings newRun(String prefix) {
        var infrastructure = TestInfrastructure.get();
        return new StackSettings(
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                infrastructure.kafkaBootstrapServers(),
                infrastructure.elasticsearchUrl());
    }

    public String rawTopic() {
        return run + ".articles.raw";
    }

    public String enrichedTopic() {
        return run + ".articles.enriched";
    }

    public String consumerGroup(String service) {
        return run + "-" + service.replace("-service", "");
    }

    public String alias() {
        return run + "-articles";
    }

    /** The run's settings for the named service, with the test's own on top (they win). */
    public Map<String, String> of(String service, Map<String, String> own) {
        var all = new HashMap<String, String>();
        all.put("spring.kafka.bootstrap-servers", kafka);
        all.put("newsflow.topics.raw", rawTopic());
        all.put("newsflow.topics.enriched", enrichedTopic());
        all.putAll(
                switch (service) {
                    case "ingest-service" ->
                        Map.of(
                                "newsflow.topics.ingest-state", run + ".articles.ingest-state",
                                "newsflow.ingest.feeds.topic", run + ".feeds",
                                "newsflow.ingest.feeds.consumer-group", run + "-feeds",
                                "newsflow.ingest.fetch.topic", run + ".fetch-requests",
                                "newsflow.ingest.fetch.status-topic", run + ".fetch-status",
                                "newsflow.ingest.fetch.consumer-group", run + "-fetcher");
                    case "enrich-service" -> Map.of("spring.kafka.consumer.group-id", consumerGroup(service));
                    case "search-service" ->
                        Map.of(
                                "spring.kafka.consumer.group-id",
                                consumerGroup(service),
                                "spring.elasticsearch.uris",
                                elasticsearch,
                                "newsflow.search.index.alias",
                                alias(),
                                "newsflow.search.saved-searches-index",
                                run + "-saved-searches");
                    default -> throw new IllegalArgumentException("no such service: " + service);
                });
        all.putAll(own);
        return all;
    }

    public Map<String, String> of(String service) {
        return of(service, Map.of());
    }
}
