package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.client.ingest.ArticlesApi;
import io.newsflow.client.ingest.FeedsApi;
import io.newsflow.client.ingest.model.ArticleSubmission;
import io.newsflow.client.ingest.model.Feed;
import io.newsflow.client.ingest.model.FeedRequest;
import io.newsflow.client.ingest.model.IngestResult;
import io.newsflow.client.ingest.model.ProblemDetail;
import io.newsflow.client.ingest.model.SourceReference;
import io.newsflow.client.search.SearchApi;
import io.newsflow.client.search.model.ArticleHit;
import io.newsflow.client.search.model.SearchResult;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.testing.KafkaRecords;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path through three separately running services, a real Kafka broker and a real Elasticsearch node. Topics,
 * consumer groups and the index alias are unique to this run, so every count below is exact. Ingest and search are
 * called through the clients generated from their committed OpenAPI descriptions, as any other client would call them:
 * what the services answer must be what the descriptions say.
 */
class EndToEndTest {

    private static final StackSettings STACK = StackSettings.newRun("e2e");
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ArticlesApi articles;
    private static FeedsApi feeds;
    private static SearchApi searches;
    private static io.newsflow.client.search.ArticlesApi searchedArticles;

    @BeforeAll
    static void startServices() {
        var ingest = ServiceProcess.start(
                "ingest-service",
                STACK.of(
                        "ingest-service",
                        // As an operator would allow a feed server of their own network: by host name.
                        Map.of("newsflow.ingest.feeds.allowed-hosts", "127.0.0.1")));
        var enrich = ServiceProcess.start("enrich-service", STACK.of("enrich-service"));
        var search = ServiceProcess.start("search-service", STACK.of("search-service"));
        services.addAll(List.of(ingest, enrich, search));
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new))
                .join();
        // as a publisher and an editor would call: each with a key of its own scopes, created with the admin key
        var loaderKey = ingest.createKey("e2e loader", "articles:write", "feeds:manage");
        var editorKey = search.createKey("e2e editor", "search:read");
        var ingestClient = new io.newsflow.client.ingest.ApiClient()
                .setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(Duration.ofSeconds(30))
                .setRequestInterceptor(request -> request.header(ServiceProcess.KEY_HEADER, loaderKey));
        ingestClient.updateBaseUri(ingest.baseUri().toString());
        articles = new ArticlesApi(ingestClient);
        feeds = new FeedsApi(ingestClient);
        var searchClient = new io.newsflow.client.search.ApiClient()
                .setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(Duration.ofSeconds(30))
                .setRequestInterceptor(request -> request.header(ServiceProcess.KEY_HEADER, editorKey));
        searchClient.updateBaseUri(search.baseUri().toString());
        searches = new SearchApi(searchClient);
        searchedArticles = new io.newsflow.client.search.ArticlesApi(searchClient);
    }

    @AfterAll
    static void stopServices() {
        for (var service : services) {
            service.close();
        }
    }

    @Test
    void theServicesRunWithSecurityOnAndAnswerNoCallerWithoutCredentials() {
        var ingest = services.getFirst();
        var search = services.getLast();
        assertThat(search.get("/api/v1/search?q=peacekeeping", Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(ingest.get("/api/v1/feeds", Map.of()).statusCode()).isEqualTo(401);
        assertThat(search.get("/api/v1/search?q=peacekeeping", Map.of(ServiceProcess.KEY_HEADER, "not-a-key"))
                        .statusCode())
                .isEqualTo(401);
        var reader = ingest.createKey("e2e reader only", "search:read");
        assertThat(ingest.postJson("/api/v1/articles", "{}", reader).statusCode())
                .as("a key without articles:write cannot push")
                .isEqualTo(403);
        assertThat(search.get("/actuator/health/readiness", Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void seedArticleTravelsFromIngestToSearchWithItsFields() throws Exception {
        var seed = described(
                Files.readString(Path.of(System.getProperty("newsflow.root", ".."), "samples", "seed-article.json")),
                ArticleSubmission.class);
        var accepted = articles.submitArticleWithHttpInfo(seed);
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        var id = accepted.getData().getId();
        assertThat(accepted.getData().getOutcome()).isEqualTo(IngestResult.OutcomeEnum.ACCEPTED);
        var again = articles.submitArticleWithHttpInfo(seed);
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(again.getData().getOutcome()).isEqualTo(IngestResult.OutcomeEnum.DUPLICATE);
        assertThat(again.getData().getId()).isEqualTo(id);

        var hit = await().atMost(Duration.ofSeconds(30))
                .until(() -> search("peacekeeping").getHits(), hits -> hits.size() == 1)
                .getFirst();

        assertThat(hit.getId()).isEqualTo(id);
        assertThat(hit.getTitle()).isEqualTo("Europe Advances Plans for Peacekeeping Mission in Ukraine");
        assertThat(hit.getSource()).isEqualTo("RksNews");
        assertThat(hit.getLanguage()).isEqualTo("en");
        assertThat(hit.getWordCount()).isBetween(450, 560);
        assertThat(hit.getPeople()).contains("Ursula von der Leyen", "Volodymyr Zelensky");
        assertThat(hit.getOrganizations()).contains("NATO");
        assertThat(hit.getPlaces()).contains("Kyiv");
        assertThat(hit.getCategory()).isEqualTo("politics");
        assertThat(hit.getSummary()).contains("Ukraine");
        var article = searchedArticles.getArticle(id);
        assertThat(article.getTitle()).isEqualTo(hit.getTitle());
        // the filters narrow it down as a dashboard's chips do: one of its entities keeps it, another source drops it
        assertThat(searches.search(SearchApi.APISearchRequest.newBuilder()
                                .q("peacekeeping")
                                .person(List.of("Volodymyr Zelensky"))
                                .category(List.of("politics"))
                                .build())
                        .getHits())
                .extracting(ArticleHit::getId)
                .containsExactly(id);
        assertThat(searches.search(SearchApi.APISearchRequest.newBuilder()
                                .q("peacekeeping")
                                .source(List.of("Another Desk"))
                                .build())
                        .getTotal())
                .isZero();
    }

    @Test
    void everyAcceptedArticleIsEnrichedOnceAndSearchableOnce() throws Exception {
        var word = "batch" + UUID.randomUUID().toString().substring(0, 8);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            var response = articles.submitArticleWithHttpInfo(new ArticleSubmission()
                    .title("Story %d about %s".formatted(i, word))
                    .body("Newsroom body number %d mentions %s in English text.".formatted(i, word))
                    .url(URI.create("https://news.example.com/%s/%d".formatted(word, i)))
                    .source(new SourceReference().name("Example News")));
            assertThat(response.getStatusCode()).isEqualTo(202);
            ids.add(response.getData().getId());
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(search(word).getTotal()).isEqualTo(12));
        assertThat(ids).doesNotHaveDuplicates();
        var enriched = KafkaRecords.readAll(STACK.enrichedTopic()).stream()
                .map(record -> json.readValue(record.value(), ArticleEnriched.class))
                .filter(event -> ids.contains(event.articleId()))
                .toList();
        assertThat(enriched)
                .hasSize(12)
                .allSatisfy(event -> assertThat(event.enrichment().language()).isEqualTo("en"));
        assertThat(KafkaRecords.readAll(STACK.rawTopic()).stream().filter(record -> ids.contains(record.key())))
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
            assertThatExceptionOfType(io.newsflow.client.ingest.ApiException.class)
                    .isThrownBy(() -> feeds.registerFeed(
                            new FeedRequest().url(URI.create("http://localhost:%d/feed.xml".formatted(port)))))
                    .satisfies(refused -> {
                        assertThat(refused.getCode()).isEqualTo(400);
                        var problem = described(refused.getResponseBody(), ProblemDetail.class);
                        assertThat(problem.getTitle()).isEqualTo("Feed URL refused");
                        assertThat(problem.getDetail()).contains("allowed-hosts");
                    });

            var registered = feeds.registerFeedWithHttpInfo(new FeedRequest()
                    .url(URI.create("http://127.0.0.1:%d/feed.xml".formatted(port)))
                    .source("Loopback Desk"));
            assertThat(registered.getStatusCode()).isEqualTo(201);
            var feed = registered.getData().getId();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(search(word).getTotal()).isEqualTo(2));
            assertThat(search(word).getHits().getFirst().getSource()).isEqualTo("Loopback Desk");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var status = feeds.getFeed(feed).getStatus();
                assertThat(status.getItemsSeen()).isEqualTo(2);
                assertThat(status.getArticlesPublished()).isEqualTo(2);
                assertThat(status.getConsecutiveFailures()).isZero();
            });
            assertThat(feeds.listFeeds()).extracting(Feed::getId).contains(feed);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A feed of teasers whose links lead to whole web pages (navigation, a cookie banner, related links around the
     * story): ingest fetches each page, and search finds each article by a sentence of its page's body, never by the
     * page's furniture. The pages are on 127.0.0.1, which the SSRF policy refuses unless allow-listed, as here.
     */
    @Test
    void aFeedOfTeasersEndsUpInSearchWithEachPagesMainText() throws Exception {
        var word = "teaser" + UUID.randomUUID().toString().substring(0, 8);
        var furniture = "chrome" + UUID.randomUUID().toString().substring(0, 8);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        try {
            var base = "http://127.0.0.1:" + server.getAddress().getPort();
            var stories = Map.of(
                    "/news/lighthouse.html",
                    new String[] {
                        "Lighthouse keepers return " + word,
                        "The restored lighthouse at Kerrow Point will be staffed again from the spring " + word,
                    },
                    "/news/orchard.html",
                    new String[] {
                        "Orchard harvest breaks record " + word,
                        "Growers in the valley picked more apples this autumn than in any year since records began "
                                + word,
                    });
            var items = new StringBuilder();
            for (var story : stories.entrySet()) {
                var html = page(story.getValue()[0], story.getValue()[1], furniture)
                        .getBytes(StandardCharsets.UTF_8);
                serve(server, story.getKey(), "text/html; charset=utf-8", html);
                items.append(
                        """
                        <item><title>%s</title><link>%s%s</link><guid>%s</guid>
                        <pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate>
                        <description>Read the whole story on our site.</description></item>
                        """
                                .formatted(story.getValue()[0], base, story.getKey(), base + story.getKey()));
            }
            var rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                            + "<title>Teaser Desk</title><link>" + base + "/</link>" + items + "</channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            serve(server, "/teasers.xml", "application/rss+xml", rss);

            var registered = feeds.registerFeedWithHttpInfo(
                    new FeedRequest().url(URI.create(base + "/teasers.xml")).source("Teaser Desk"));
            assertThat(registered.getStatusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(search(word).getTotal()).isEqualTo(2));
            for (var story : stories.values()) {
                // a sentence only the page's body has: the feed item carried the teaser alone
                var hits = search("\"" + story[1] + "\"").getHits();
                assertThat(hits).extracting(ArticleHit::getTitle).containsExactly(story[0]);
                var status = articles.getArticleStatus(hits.getFirst().getId());
                assertThat(status.getFetch()).isNotNull();
                assertThat(status.getFetch().getState()).hasToString("fetched");
                assertThat(status.getRevision()).isEqualTo(1L);
            }
            assertThat(search(furniture).getTotal())
                    .as("navigation, the cookie banner and related links are not the article")
                    .isZero();
            assertThat(search("\"Read the whole story on our site\" " + word).getTotal())
                    .as("the teaser was replaced by the page's text")
                    .isZero();
        } finally {
            server.stop(0);
        }
    }

    /** A news page as publishers build them: the story amid navigation, a cookie banner and related links. */
    private static String page(String headline, String sentence, String furniture) {
        var body = new StringBuilder();
        body.append("<p>").append(sentence).append(".</p>");
        for (int i = 1; i <= 4; i++) {
            body.append("<p>Officials said paragraph ")
                    .append(i)
                    .append(" of the report gives the details, and residents welcomed the news at a meeting in the"
                            + " town hall on Saturday evening, where many questions were asked.</p>");
        }
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s | Teaser Desk</title>
                <meta property="og:title" content="%1$s"></head><body>
                <div class="cookie-banner" id="cookie-consent"><p>We use cookies %2$s to improve your experience.
                <button>Accept all cookies</button></p></div>
                <header><nav class="main-nav"><ul><li><a href="/">Home %2$s</a></li><li><a href="/world">World</a></li>
                <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe %2$s</a></li></ul></nav></header>
                <main><article><h1>%1$s</h1><p class="byline">By Jo Writer</p>%3$s</article>
                <aside class="related"><h2>Related stories</h2><ul>
                <li><a href="/news/other-1.html">Council approves new budget %2$s</a></li>
                <li><a href="/news/other-2.html">Weather: a cold week ahead %2$s</a></li></ul></aside></main>
                <footer><p>Copyright Teaser Desk %2$s. All rights reserved.</p></footer></body></html>
                """
                .formatted(headline, furniture, body);
    }

    private static void serve(HttpServer server, String path, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** JSON read as the description's schema says, strictly: a property it does not declare fails the test. */
    private static <T> T described(String body, Class<T> schema) {
        return json.readerFor(schema)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(body);
    }

    private static SearchResult search(String query) throws io.newsflow.client.search.ApiException {
        return searches.search(SearchApi.APISearchRequest.newBuilder().q(query).build());
    }
}
