package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.TestInfrastructure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path through three separately running services, a real Kafka broker and a real Elasticsearch node. Topics,
 * consumer groups and the index alias are unique to this run, so every count below is exact.
 */
class EndToEndTest {

    private static final String RUN = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = RUN + ".articles.raw";
    private static final String ENRICHED = RUN + ".articles.enriched";
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess search;

    @BeforeAll
    static void startServices() {
        var infrastructure = TestInfrastructure.get();
        var common = Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "newsflow.topics.raw", RAW,
                "newsflow.topics.enriched", ENRICHED);
        ingest = ServiceProcess.start(
                "ingest-service",
                with(
                        common,
                        Map.of(
                                "newsflow.topics.ingest-state", RUN + ".articles.ingest-state",
                                "newsflow.ingest.feeds.topic", RUN + ".feeds",
                                "newsflow.ingest.feeds.consumer-group", RUN + "-feeds",
                                // As an operator would allow a feed server of their own network: by host name.
                                "newsflow.ingest.feeds.allowed-hosts", "127.0.0.1")));
        var enrich = ServiceProcess.start(
                "enrich-service", with(common, Map.of("spring.kafka.consumer.group-id", RUN + "-enrich")));
        search = ServiceProcess.start(
                "search-service",
                with(
                        common,
                        Map.of(
                                "spring.kafka.consumer.group-id", RUN + "-search",
                                "spring.elasticsearch.uris", infrastructure.elasticsearchUrl(),
                                "newsflow.search.index.alias", RUN + "-articles")));
        services.addAll(List.of(ingest, enrich, search));
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @AfterAll
    static void stopServices() {
        for (var service : services) {
            service.close();
        }
    }

    @Test
    void seedArticleTravelsFromIngestToSearchWithItsFields() throws Exception {
        var seed = Files.readString(Path.of(System.getProperty("newsflow.root", ".."), "samples", "seed-article.json"));
        var accepted = ingest.postJson("/api/v1/articles", seed);
        assertThat(accepted.statusCode()).isEqualTo(202);
        var id = json.readTree(accepted.body()).path("id").asString();
        assertThat(json.readTree(accepted.body()).path("outcome").asString()).isEqualTo("accepted");
        var again = ingest.postJson("/api/v1/articles", seed);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).path("outcome").asString()).isEqualTo("duplicate");
        assertThat(json.readTree(again.body()).path("id").asString()).isEqualTo(id);

        var hit = await().atMost(Duration.ofSeconds(30))
                .until(() -> search("peacekeeping").path("hits"), hits -> hits.size() == 1)
                .get(0);

        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("title").asString()).isEqualTo("Europe Advances Plans for Peacekeeping Mission in Ukraine");
        assertThat(hit.path("source").asString()).isEqualTo("RksNews");
        assertThat(hit.path("language").asString()).isEqualTo("en");
        assertThat(hit.path("wordCount").asInt()).isBetween(450, 560);
        assertThat(strings(hit.path("people"))).contains("Ursula von der Leyen", "Volodymyr Zelensky");
        assertThat(strings(hit.path("organizations"))).contains("NATO");
        assertThat(strings(hit.path("places"))).contains("Kyiv");
        assertThat(hit.path("category").asString()).isEqualTo("politics");
        assertThat(hit.path("summary").asString()).contains("Ukraine");
        var article = json.readTree(search.get("/api/v1/articles/" + id).body());
        assertThat(article.path("title").asString()).isEqualTo(hit.path("title").asString());
    }

    @Test
    void everyAcceptedArticleIsEnrichedOnceAndSearchableOnce() {
        var word = "batch" + UUID.randomUUID().toString().substring(0, 8);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            var response = ingest.postJson(
                    "/api/v1/articles",
                    """
                    {"title": "Story %d about %s", "body": "Newsroom body number %d mentions %s in English text.",
                     "url": "https://news.example.com/%s/%d", "source": {"name": "Example News"}}
                    """
                            .formatted(i, word, i, word, word, i));
            assertThat(response.statusCode()).isEqualTo(202);
            ids.add(json.readTree(response.body()).path("id").asString());
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(search(word).path("total").asLong()).isEqualTo(12));
        assertThat(ids).doesNotHaveDuplicates();
        var enriched = KafkaRecords.readAll(ENRICHED).stream()
                .map(record -> json.readValue(record.value(), ArticleEnriched.class))
                .filter(event -> ids.contains(event.articleId()))
                .toList();
        assertThat(enriched)
                .hasSize(12)
                .allSatisfy(event -> assertThat(event.enrichment().language()).isEqualTo("en"));
        assertThat(KafkaRecords.readAll(RAW).stream().filter(record -> ids.contains(record.key())))
                .hasSize(12);
    }

    @Test
    void aFeedOnALoopbackHostIsRefusedUnlessAllowListedThenPolledIntoSearch() throws Exception {
        var word = "feed" + UUID.randomUUID().toString().substring(0, 8);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var rss =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Desk</title><link>http://127.0.0.1/</link>
                <item><title>Harbour cranes return %1$s</title><link>http://127.0.0.1/%1$s/1</link>
                <guid>%1$s-1</guid><pubDate>Sat, 01 Mar 2025 08:00:00 GMT</pubDate>
                <description>The port authority said new cranes arrive this week, %1$s.</description></item>
                <item><title>Ferry timetable changes %1$s</title><link>http://127.0.0.1/%1$s/2</link>
                <guid>%1$s-2</guid><pubDate>Sat, 01 Mar 2025 09:00:00 GMT</pubDate>
                <description>Ferries will leave earlier from Monday, %1$s.</description></item>
                </channel></rss>
                """
                        .formatted(word)
                        .getBytes(StandardCharsets.UTF_8);
        server.createContext("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, rss.length);
            try (var body = exchange.getResponseBody()) {
                body.write(rss);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            // "localhost" is loopback too, but not on the allow-list: refused at registration, never fetched.
            var refused =
                    ingest.postJson("/api/v1/feeds", "{\"url\": \"http://localhost:%d/feed.xml\"}".formatted(port));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("Feed URL refused");

            var registered = ingest.postJson(
                    "/api/v1/feeds",
                    "{\"url\": \"http://127.0.0.1:%d/feed.xml\", \"source\": \"Loopback Desk\"}".formatted(port));
            assertThat(registered.statusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(search(word).path("total").asLong()).isEqualTo(2));
            assertThat(search(word).path("hits").get(0).path("source").asString())
                    .isEqualTo("Loopback Desk");
        } finally {
            server.stop(0);
        }
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode search(String query) {
        return json.readTree(search.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body());
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> specific) {
        var all = new java.util.HashMap<>(common);
        all.putAll(specific);
        return all;
    }
}
