package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.TestInfrastructure;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service, sent SIGTERM as Kubernetes sends it while articles stream through, stops taking work, finishes and
 * commits what it holds, and exits with 0 inside the 30 s of Kubernetes' default termination grace period. After a
 * restart every article it acknowledged is searchable, and nothing was done twice: its committed offsets at exit cover
 * exactly what it had produced or indexed. Topics, groups and the index alias are this run's own, so the counts are
 * exact; the three tests share them, and each count covers the whole run.
 */
class GracefulShutdownTest {

    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    private static final String RUN = "stop-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = RUN + ".articles.raw";
    private static final String ENRICHED = RUN + ".articles.enriched";
    private static final String ENRICH_GROUP = RUN + "-enrich";
    private static final String SEARCH_GROUP = RUN + "-search";
    private static final String ALIAS = RUN + "-articles";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();

    @BeforeAll
    static void startServices() {
        List.of("ingest-service", "enrich-service", "search-service").forEach(GracefulShutdownTest::start);
        services.values().forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
    }

    @AfterAll
    static void stopServices() {
        services.values().forEach(ServiceProcess::close);
    }

    @Test
    void ingestRefusesNewPushesFinishesThoseInFlightAndExitsWithZero() throws Exception {
        var word = unique("push");
        var accepted = new ConcurrentHashMap<String, Integer>();
        var refusedAt = new ConcurrentLinkedQueue<Long>();
        var next = new AtomicInteger();
        var pushing = new AtomicBoolean(true);
        var ingest = services.get("ingest-service");
        var pushers = IntStream.range(0, 4)
                .mapToObj(pusher -> Thread.ofVirtual().start(() -> {
                    while (pushing.get()) {
                        int item = next.getAndIncrement();
                        try {
                            var response = ingest.postJson("/api/v1/articles", article(word, item));
                            if (response.statusCode() == 202) {
                                accepted.put(
                                        json.readTree(response.body())
                                                .path("id")
                                                .asString(),
                                        item);
                            } else {
                                refusedAt.add(System.nanoTime());
                            }
                        } catch (UncheckedIOException refused) {
                            refusedAt.add(System.nanoTime());
                        }
                    }
                }))
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 30);

        var stop = terminate("ingest-service");
        pushing.set(false);
        for (var pusher : pushers) {
            pusher.join(Duration.ofSeconds(40));
        }

        assertThat(refusedAt)
                .as("pushes refused (connection refused or 503) between SIGTERM and the exit")
                .anyMatch(at -> at > stop.signalled() && at < stop.exited());
        var raw = KafkaRecords.readAll(RAW).stream()
                .filter(record -> record.value().contains(word))
                .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
        assertThat(raw)
                .as("raw events of the acknowledged articles")
                .containsKeys(accepted.keySet().toArray(String[]::new));
        assertThat(raw.values()).as("raw events per article").containsOnly(1L);

        start("ingest-service").awaitReady(Duration.ofMinutes(3));
        var again = services.get("ingest-service")
                .postJson(
                        "/api/v1/articles",
                        article(word, accepted.values().iterator().next()));
        assertThat(json.readTree(again.body()).path("outcome").asString())
                .as("an acknowledged article's state was recorded before the exit")
                .isEqualTo("duplicate");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(searchTotal(word)).isEqualTo(raw.size()));
        assertThat(enrichedPerArticle(raw.keySet()).values()).containsOnly(1L);
    }

    @Test
    void enrichFinishesTheRecordsInHandCommitsThemAndExitsWithZero() throws Exception {
        var word = unique("enrich");
        var ids = pushBatch(word, 400);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> enrichedPerArticle(ids).size() >= 20);

        terminate("enrich-service");

        long produced = KafkaRecords.readAll(ENRICHED).size();
        assertThat(committed(ENRICH_GROUP, RAW))
                .as("raw offsets committed by enrich = enriched events it produced")
                .isEqualTo(produced);
        assertThat(produced).as("stopped mid-stream").isLessThan(endOffsets(RAW));

        start("enrich-service").awaitReady(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(180))
                .untilAsserted(() -> assertThat(enrichedPerArticle(ids)).hasSize(ids.size()));
        assertThat(enrichedPerArticle(ids).values())
                .as("enriched events per article")
                .containsOnly(1L);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(searchTotal(word)).isEqualTo(ids.size()));
    }

    @Test
    void searchIndexesTheBatchInHandCommitsItAndExitsWithZero() throws Exception {
        var word = unique("index");
        var ids = pushBatch(word, 400);
        await().atMost(Duration.ofSeconds(120)).until(() -> searchTotal(word) >= 20);

        terminate("search-service");

        long indexed = indexedArticles();
        assertThat(committed(SEARCH_GROUP, ENRICHED))
                .as("enriched offsets committed by search = articles in the index")
                .isEqualTo(indexed);

        start("search-service").awaitReady(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(180))
                .untilAsserted(() -> assertThat(searchTotal(word)).isEqualTo(ids.size()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(committed(SEARCH_GROUP, ENRICHED))
                .isEqualTo(endOffsets(ENRICHED)));
        assertThat(indexedArticles()).as("one document per enriched event").isEqualTo(endOffsets(ENRICHED));
    }

    private record Stop(long signalled, long exited) {}

    /** SIGTERM, then the exit: with 0, within the grace period. */
    private static Stop terminate(String name) {
        var service = services.get(name);
        var signalled = System.nanoTime();
        var exit = service.terminate(GRACE_PERIOD);
        var exited = System.nanoTime();
        assertThat(exit)
                .as("%s's exit code within %s; log:%n%s", name, GRACE_PERIOD, service.log())
                .hasValue(0);
        System.out.printf(
                "%s exited with 0 %.1f s after SIGTERM%n",
                name, Duration.ofNanos(exited - signalled).toMillis() / 1e3);
        return new Stop(signalled, exited);
    }

    private static ServiceProcess start(String name) {
        var infrastructure = TestInfrastructure.get();
        var properties = new HashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "newsflow.topics.raw", RAW,
                "newsflow.topics.enriched", ENRICHED));
        properties.putAll(
                switch (name) {
                    case "ingest-service" ->
                        Map.of(
                                "newsflow.topics.ingest-state", RUN + ".articles.ingest-state",
                                "newsflow.ingest.feeds.topic", RUN + ".feeds",
                                "newsflow.ingest.feeds.consumer-group", RUN + "-feeds");
                    case "enrich-service" -> Map.of("spring.kafka.consumer.group-id", ENRICH_GROUP);
                    default ->
                        Map.of(
                                "spring.kafka.consumer.group-id", SEARCH_GROUP,
                                "spring.elasticsearch.uris", infrastructure.elasticsearchUrl(),
                                "newsflow.search.index.alias", ALIAS);
                });
        var service = ServiceProcess.start(name, properties);
        var previous = services.put(name, service);
        if (previous != null) {
            previous.close();
        }
        return service;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String article(String word, int item) {
        return json.writeValueAsString(Map.of(
                "title", "Harbour report %d about %s".formatted(item, word),
                "body", "The harbour office said in report %d that %s ships arrive this week.".formatted(item, word),
                "url", "https://news.example.com/%s/%d".formatted(word, item),
                "source", Map.of("name", "Example News")));
    }

    /** Sends the articles in one batch request; the ids of the accepted ones. */
    private static Set<String> pushBatch(String word, int count) {
        var batch = IntStream.range(0, count)
                .mapToObj(item -> json.readTree(article(word, item)))
                .toList();
        var response =
                services.get("ingest-service").postJson("/api/v1/articles/batch", json.writeValueAsString(batch));
        assertThat(response.statusCode()).isEqualTo(202);
        var ids = new ArrayList<String>();
        json.readTree(response.body())
                .path("results")
                .forEach(result -> ids.add(result.path("id").asString()));
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    private static long searchTotal(String word) {
        var response = services.get("search-service").get("/api/v1/search?q=" + word);
        return response.statusCode() == 200
                ? json.readTree(response.body()).path("total").asLong()
                : -1;
    }

    /** The enriched events of these articles on the topic, counted per article. */
    private static Map<String, Long> enrichedPerArticle(Set<String> ids) {
        return KafkaRecords.readAll(ENRICHED).stream()
                .filter(record -> ids.contains(record.key()))
                .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
    }

    /** Documents behind the run's alias, read from Elasticsearch itself after a refresh. */
    private static long indexedArticles() throws Exception {
        var elasticsearch = TestInfrastructure.get().elasticsearchUrl();
        http.send(
                HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ALIAS + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var count = http.send(
                HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ALIAS + "/_count"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(count.body()).path("count").asLong();
    }

    /** The sum over the topic's partitions of the group's committed offsets: the records it has done with. */
    private static long committed(String group, String topic) throws Exception {
        try (var admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }

    /** The sum of the topic's end offsets: the records written to it. */
    private static long endOffsets(String topic) throws InterruptedException, ExecutionException {
        try (var admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    private static Admin admin() {
        var config = new Properties();
        config.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        return Admin.create(config);
    }
}
