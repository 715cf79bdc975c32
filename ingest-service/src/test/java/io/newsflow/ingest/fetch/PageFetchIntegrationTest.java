package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleIngested;
import io.newsflow.ingest.feeds.LocalFeedServer;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker and a web server on 127.0.0.1 (allow-listed): articles that come with a link and no text,
 * and feed items that carry a teaser, are fetched by the fetcher group and published with their page's text; a page
 * that cannot be had is retried through the retry topics and the article then goes on with its teaser.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=" + PageFetchIntegrationTest.RAW,
            "newsflow.topics.ingest-state=fetch-it.articles.ingest-state",
            "newsflow.ingest.feeds.topic=fetch-it.feeds",
            "newsflow.ingest.feeds.consumer-group=fetch-it.feeds",
            "newsflow.ingest.feeds.allowed-hosts=127.0.0.1",
            "newsflow.ingest.feeds.check-interval=200ms",
            "newsflow.ingest.fetch.topic=" + PageFetchIntegrationTest.REQUESTS,
            "newsflow.ingest.fetch.status-topic=fetch-it.fetch-status",
            "newsflow.ingest.fetch.consumer-group=fetch-it.fetcher",
            "newsflow.ingest.fetch.host-delay=" + PageFetchIntegrationTest.HOST_DELAY_MS + "ms",
            "newsflow.ingest.fetch.attempts=3",
            "newsflow.ingest.fetch.backoff=200ms"
        })
@Import(NewsflowTestInfrastructure.class)
class PageFetchIntegrationTest {

    static final String RAW = "fetch-it.articles.raw";
    static final long HOST_DELAY_MS = 200;
    static final String REQUESTS = "fetch-it.fetch-requests";
    private static final LocalFeedServer SERVER = new LocalFeedServer();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    static String story(String headline, String paragraph) {
        var text = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            text.append("<p>")
                    .append(paragraph)
                    .append(" This is paragraph ")
                    .append(i)
                    .append(" of the story, long enough to be the article's own text and not a link or a caption.</p>");
        }
        return "<!doctype html><html lang=\"en\"><head><title>" + headline + " | Local News</title>"
                + "<meta property=\"og:title\" content=\"" + headline + "\">"
                + "<meta name=\"author\" content=\"Ada Reporter\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>" + headline + "</h1>" + text + "</article>"
                + "<footer>We use cookies. Subscribe to our newsletter.</footer></body></html>";
    }

    private static void servePage(String path, String html) {
        SERVER.handle(
                path,
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anArticleWithOnlyALinkIsPublishedWithItsPageTextAndItsStatusSaysFetched() {
        var path = "/" + UUID.randomUUID() + "/story.html";
        servePage(path, story("Harbour reopens", "The harbour reopened on Monday after the storm."));

        var answer = post(Map.of("title", "Harbour reopens", "url", SERVER.url(path)));

        assertThat(answer.path("outcome").asString()).isEqualTo("queued");
        var id = answer.path("id").asString();
        var event = await().atMost(WAIT).until(() -> eventOf(id), java.util.Objects::nonNull);
        assertThat(event.article().body()).contains("The harbour reopened on Monday after the storm.");
        assertThat(event.article().body()).doesNotContain("cookies", "Home");
        assertThat(event.article().authors()).containsExactly("Ada Reporter");
        assertThat(event.article().url()).isEqualTo(SERVER.url(path));
        await().atMost(WAIT).untilAsserted(() -> {
            var status = status(id);
            assertThat(status.path("revision").asLong()).isEqualTo(1);
            assertThat(status.path("fetch").path("state").asString()).isEqualTo("fetched");
            assertThat(status.path("fetch").path("attempts").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aPageThatKeepsFailingIsRetriedWithBackOffAndTheArticleGoesOnWithItsTeaser() {
        var path = "/" + UUID.randomUUID() + "/broken.html";
        SERVER.handle(path, exchange -> LocalFeedServer.respond(exchange, 500, null, new byte[0]));

        var answer = post(Map.of(
                "title", "Storm warning", "body", "<p>A storm is coming.</p>", "url", SERVER.url(path), "fetch", true));

        var id = answer.path("id").asString();
        var event = await().atMost(WAIT).until(() -> eventOf(id), java.util.Objects::nonNull);
        assertThat(event.article().body()).isEqualTo("<p>A storm is coming.</p>");
        await().atMost(WAIT).untilAsserted(() -> {
            var fetch = status(id).path("fetch");
            assertThat(fetch.path("state").asString()).isEqualTo("failed");
            assertThat(fetch.path("reason").asString()).isEqualTo("http-500");
            assertThat(fetch.path("attempts").asInt()).isEqualTo(3);
        });
        var requests = SERVER.requests(path);
        assertThat(requests).hasSize(3);
        assertThat(Duration.ofNanos(requests.get(2).nanoTime() - requests.get(1).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    /**
     * How we know an acknowledged request is never lost: with every fetcher stopped, the 202 still comes, because
     * it waits only for Kafka's acknowledgement of the request, which is on the request topic at once; the article
     * is published when a fetcher runs again, from the committed offset (nothing is kept in memory meanwhile).
     */
    @Test
    void anAcknowledgedRequestIsOnKafkaAndIsFetchedWhenAFetcherRunsAgain() {
        var path = "/" + UUID.randomUUID() + "/later.html";
        servePage(path, story("Bridge opens", "The new bridge opened to traffic at dawn."));
        var container = listeners.getListenerContainer("page-fetcher");
        container.stop();
        String id;
        try {
            id = post(Map.of("title", "Bridge opens", "url", SERVER.url(path)))
                    .path("id")
                    .asString();

            assertThat(KafkaRecords.withKey(REQUESTS, "127.0.0.1"))
                    .anySatisfy(record -> assertThat(record.value()).contains(id));
            assertThat(SERVER.requests(path)).isEmpty();
        } finally {
            container.start();
        }
        var event = await().atMost(WAIT).until(() -> eventOf(id), java.util.Objects::nonNull);
        assertThat(event.article().body()).contains("The new bridge opened to traffic at dawn.");
    }

    @Test
    void aFeedOfTeasersEndsUpPublishedWithEachArticlesFullText() {
        var run = UUID.randomUUID();
        var links = List.of(SERVER.url("/" + run + "/one.html"), SERVER.url("/" + run + "/two.html"));
        servePage("/" + run + "/one.html", story("First story", "The first story is about the river."));
        servePage("/" + run + "/two.html", story("Second story", "The second story is about the mountain."));
        var feedPath = "/" + run + "/feed.xml";
        var feed = LocalFeedServer.rss("Teasers", links.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        SERVER.handle(feedPath, exchange -> LocalFeedServer.respond(exchange, 200, "application/rss+xml", feed));

        var registered = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/feeds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", SERVER.url(feedPath), "pollInterval", "1h"))
                .retrieve()
                .toEntity(String.class);

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        await().atMost(WAIT).untilAsserted(() -> {
            var bodies = KafkaRecords.readAll(RAW).stream()
                    .map(record -> json.readValue(record.value(), ArticleIngested.class))
                    .filter(event -> links.contains(event.article().url()))
                    .map(event -> event.article().body())
                    .toList();
            assertThat(bodies).hasSize(2);
            assertThat(bodies)
                    .anySatisfy(body -> assertThat(body).contains("The first story is about the river."))
                    .anySatisfy(body -> assertThat(body).contains("The second story is about the mountain."));
        });
    }

    /**
     * A feed item re-published with another teaser and date is a new revision of its article, with its page fetched
     * again; the same item polled again asks for nothing (one request on the topic, one page request).
     */
    @Test
    void aTeaserThatChangedIsFetchedAgainForANewRevisionAndAnUnchangedOneIsNot() {
        var run = UUID.randomUUID();
        var pagePath = "/" + run + "/dam.html";
        var link = SERVER.url(pagePath);
        var page = new AtomicReference<>(story("Dam repairs", "The dam repairs began on Tuesday."));
        SERVER.handle(
                pagePath,
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "text/html; charset=utf-8", page.get().getBytes(StandardCharsets.UTF_8)));
        var feedPath = "/" + run + "/feed.xml";
        var feed =
                new AtomicReference<>(teaserFeed(link, "Repairs begin at the dam.", "Tue, 02 Sep 2025 08:00:00 GMT"));
        SERVER.handle(
                feedPath,
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "application/rss+xml", feed.get().getBytes(StandardCharsets.UTF_8)));

        var feedId = registerFeed(SERVER.url(feedPath));
        var first = await().atMost(WAIT)
                .until(() -> eventsOf(link), events -> events.size() == 1)
                .getFirst();
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.article().body()).contains("The dam repairs began on Tuesday.");
        var id = first.articleId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        status(id).path("fetch").path("state").asString())
                .isEqualTo("fetched"));

        assertThat(pollNow(feedId)).isEqualTo(200);
        assertThat(SERVER.requests(feedPath)).hasSize(2);
        assertThat(requestsFor(id)).as("the same teaser asks for nothing").hasSize(1);
        assertThat(SERVER.requests(pagePath)).hasSize(1);

        page.set(story("Dam repairs", "The dam repairs will last until May."));
        feed.set(teaserFeed(link, "Repairs at the dam will run late.", "Wed, 03 Sep 2025 08:00:00 GMT"));
        assertThat(pollNow(feedId)).isEqualTo(200);

        var second = await().atMost(WAIT)
                .until(() -> eventsOf(link), events -> events.size() == 2)
                .getLast();
        assertThat(second.articleId()).isEqualTo(id);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.article().body()).contains("The dam repairs will last until May.");
        assertThat(second.article().publishedAt()).isEqualTo(java.time.Instant.parse("2025-09-03T08:00:00Z"));
        assertThat(requestsFor(id)).hasSize(2);
        assertThat(SERVER.requests(pagePath)).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> {
            var status = status(id);
            assertThat(status.path("revision").asLong()).isEqualTo(2);
            assertThat(status.path("fetch").path("state").asString()).isEqualTo("fetched");
            assertThat(status.path("fetch").path("revision").asLong()).isEqualTo(2);
        });
    }

    private static String teaserFeed(String link, String teaser, String date) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Dam News</title>"
                + "<link>https://news.example.com/</link><item><title>Dam repairs</title><link>" + link + "</link>"
                + "<guid>" + link + "</guid><description>" + teaser + "</description><pubDate>" + date
                + "</pubDate></item></channel></rss>";
    }

    private int pollNow(String feedId) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/feeds/{id}/poll", feedId)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> requestsFor(String id) {
        return KafkaRecords.withKey(REQUESTS, "127.0.0.1").stream()
                .filter(record -> record.value().contains("\"articleId\":\"" + id + "\""))
                .toList();
    }

    private List<ArticleIngested> eventsOf(String url) {
        return KafkaRecords.readAll(RAW).stream()
                .map(record -> json.readValue(record.value(), ArticleIngested.class))
                .filter(event -> url.equals(event.article().url()))
                .toList();
    }

    @Test
    void aNewsSitemapIndexIsPolledLikeAFeedAndItsPagesArePublishedWithTheirText() {
        var run = UUID.randomUUID();
        var page = SERVER.url("/" + run + "/sitemapped.html");
        servePage("/" + run + "/sitemapped.html", story("Sitemapped story", "The sitemapped story is about the sea."));
        var child = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>" + page + "</loc>"
                + "<news:news><news:publication><news:name>Sea News</news:name><news:language>en</news:language>"
                + "</news:publication><news:publication_date>2025-09-01T08:00:00Z</news:publication_date>"
                + "<news:title>Sitemapped story</news:title></news:news></url></urlset>";
        var index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + SERVER.url("/" + run + "/news.xml") + "</loc></sitemap></sitemapindex>";
        SERVER.handle(
                "/" + run + "/news.xml",
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "application/xml", child.getBytes(StandardCharsets.UTF_8)));
        SERVER.handle(
                "/" + run + "/index.xml",
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "application/xml", index.getBytes(StandardCharsets.UTF_8)));

        var registered = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/feeds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", SERVER.url("/" + run + "/index.xml"), "pollInterval", "1h"))
                .retrieve()
                .toEntity(String.class);

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        await().atMost(WAIT).untilAsserted(() -> {
            var events = KafkaRecords.readAll(RAW).stream()
                    .map(record -> json.readValue(record.value(), ArticleIngested.class))
                    .filter(event -> page.equals(event.article().url()))
                    .toList();
            assertThat(events).hasSize(1);
            var event = events.getFirst();
            assertThat(event.article().title()).isEqualTo("Sitemapped story");
            assertThat(event.article().body()).contains("The sitemapped story is about the sea.");
            assertThat(event.article().language()).isEqualTo("en");
            assertThat(event.source().name()).isEqualTo("Sea News");
        });
        // the poll's requests and the page's fetch queue at the one gate of the host: the delay between each two
        var asked = List.of(
                SERVER.requests("/" + run + "/index.xml").getFirst().nanoTime(),
                SERVER.requests("/" + run + "/news.xml").getFirst().nanoTime(),
                SERVER.requests("/" + run + "/sitemapped.html").getFirst().nanoTime());
        assertThat(Duration.ofNanos(asked.get(1) - asked.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(HOST_DELAY_MS));
        assertThat(Duration.ofNanos(asked.get(2) - asked.get(1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(HOST_DELAY_MS));
        var feedId = json.readTree(registered.getBody()).path("id").asString();
        var feedStatus = json.readTree(RestClient.create("http://localhost:" + port)
                        .get()
                        .uri("/api/v1/feeds/{id}", feedId)
                        .retrieve()
                        .body(String.class))
                .path("status");
        assertThat(feedStatus.path("lastOutcome").asString()).isEqualTo("success");
        assertThat(feedStatus.path("itemsSeen").asLong()).isEqualTo(1);
    }

    @Test
    void aGzippedSitemapIsPolledAndAGzipBombBesideItIsRefusedAsTooLarge() throws Exception {
        var run = UUID.randomUUID();
        var page = SERVER.url("/" + run + "/gzipped.html");
        servePage("/" + run + "/gzipped.html", story("Gzipped story", "The gzipped story is about the wind."));
        var sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + page + "</loc></url></urlset>";
        var gzipped = gzip(sitemap.getBytes(StandardCharsets.UTF_8));
        // 11 MB of zeros, past the feeds' 10 MB cap once decompressed, about 11 KB on the wire
        var bomb = gzip(new byte[11 * 1024 * 1024]);
        SERVER.handle(
                "/" + run + "/sitemap.xml.gz",
                exchange -> LocalFeedServer.respond(exchange, 200, "application/x-gzip", gzipped));
        SERVER.handle(
                "/" + run + "/bomb.xml.gz",
                exchange -> LocalFeedServer.respond(exchange, 200, "application/gzip", bomb));

        var bombFeed = registerFeed(SERVER.url("/" + run + "/bomb.xml.gz"));
        var sitemapFeed = registerFeed(SERVER.url("/" + run + "/sitemap.xml.gz"));

        await().atMost(WAIT).untilAsserted(() -> {
            var events = KafkaRecords.readAll(RAW).stream()
                    .map(record -> json.readValue(record.value(), ArticleIngested.class))
                    .filter(event -> page.equals(event.article().url()))
                    .toList();
            assertThat(events).hasSize(1);
            assertThat(events.getFirst().article().body()).contains("The gzipped story is about the wind.");
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        feedStatus(sitemapFeed).path("lastOutcome").asString())
                .isEqualTo("success"));
        await().atMost(WAIT).untilAsserted(() -> {
            var status = feedStatus(bombFeed);
            assertThat(status.path("lastOutcome").asString()).isEqualTo("too-large");
            assertThat(status.path("lastError").asString()).contains("once decompressed");
        });
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private String registerFeed(String url) {
        var registered = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/feeds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", url, "pollInterval", "1h"))
                .retrieve()
                .toEntity(String.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        return json.readTree(registered.getBody()).path("id").asString();
    }

    private JsonNode feedStatus(String feedId) {
        return json.readTree(RestClient.create("http://localhost:" + port)
                        .get()
                        .uri("/api/v1/feeds/{id}", feedId)
                        .retrieve()
                        .body(String.class))
                .path("status");
    }

    private ArticleIngested eventOf(String id) {
        var records = KafkaRecords.withKey(RAW, id);
        return records.isEmpty() ? null : json.readValue(records.getLast().value(), ArticleIngested.class);
    }

    private JsonNode post(Map<String, Object> article) {
        var response = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(article)
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        return json.readTree(response.getBody());
    }

    private JsonNode status(String id) {
        return json.readTree(RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/articles/{id}/status", id)
                .retrieve()
                .body(String.class));
    }
}
