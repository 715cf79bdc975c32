package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ArticleIngested;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker and a feed server on 127.0.0.1 (allow-listed here): feeds are polled on their schedule,
 * their items arrive on the raw topic as article events, and the status tells what happened.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=" + FeedPollingIntegrationTest.RAW,
            "newsflow.ingest.feeds.topic=feeds-it.feeds",
            // items with a description only are teasers; their pages are not fetched here (FeedTeaserIntegrationTest)
            "newsflow.ingest.fetch.teaser-length=0",
            // polls take their host's turn after its robots.txt: a short delay keeps the back-off gaps measurable
            "newsflow.ingest.fetch.host-delay=50ms",
            "newsflow.ingest.feeds.consumer-group=feeds-it",
            "newsflow.ingest.feeds.allowed-hosts=127.0.0.1",
            "newsflow.ingest.feeds.min-poll-interval=1s",
            "newsflow.ingest.feeds.check-interval=200ms",
            "newsflow.ingest.feeds.max-backoff=1m"
        })
@Import(NewsflowTestInfrastructure.class)
class FeedPollingIntegrationTest {

    static final String RAW = "feeds-it.articles.raw";
    private static final LocalFeedServer SERVER = new LocalFeedServer();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FeedStore store;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    private FeedApi api() {
        return new FeedApi(port);
    }

    @Test
    void anAllowListedFeedOnLoopbackIsPolledAndItsItemsBecomeArticleEventsOnTheRawTopic() {
        var path = "/" + UUID.randomUUID() + "/news.xml";
        var links = List.of(
                "https://news.example.com/" + UUID.randomUUID(), "https://news.example.com/" + UUID.randomUUID());
        var feed =
                LocalFeedServer.rss("Local News", links.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        SERVER.handle(path, exchange -> LocalFeedServer.respond(exchange, 200, "application/rss+xml", feed));
        var url = SERVER.url(path);

        var registered = api().register(url, "1h");

        assertThat(registered.status()).isEqualTo(201);
        var id = registered.body().get("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(url)).hasSize(2));
        var events = eventsOf(url);
        assertThat(events).extracting(e -> e.article().url()).containsExactlyInAnyOrderElementsOf(links);
        var event = events.getFirst();
        assertThat(event.source().feedUrl()).isEqualTo(url);
        assertThat(event.source().name()).isEqualTo("Local News");
        assertThat(event.article().title()).startsWith("Local News https://news.example.com/");
        assertThat(event.article().body()).startsWith("<p>Body of ");
        assertThat(event.article().tags()).containsExactly("World");
        assertThat(event.article().publishedAt()).isEqualTo(Instant.parse("2025-09-01T08:00:00Z"));
        await().atMost(WAIT).untilAsserted(() -> {
            var status = api().get(id).body().get("status");
            assertThat(status.get("lastOutcome").asString()).isEqualTo("success");
            assertThat(status.get("itemsSeen").asLong()).isEqualTo(2);
            assertThat(status.get("articlesPublished").asLong()).isEqualTo(2);
            assertThat(status.get("consecutiveFailures").asInt()).isZero();
        });
        assertThat(SERVER.requests(path)).hasSize(1);
        assertThat(meters.counter("newsflow.ingest.feed.polls", "outcome", "success")
                        .count())
                .isPositive();
    }

    @Test
    void anUnchangedFeedAnswers304ToTheConditionalGetAndPublishesNothing() {
        var path = "/" + UUID.randomUUID() + "/etag.xml";
        var feed = LocalFeedServer.rss("Etag News", "https://news.example.com/" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        SERVER.handle(path, exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalFeedServer.respond(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            LocalFeedServer.respond(exchange, 200, "application/rss+xml", feed);
        });
        var url = SERVER.url(path);
        var id = api().register(url, "1h").body().get("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        api().get(id).body().get("status").get("lastOutcome").asString())
                .isEqualTo("success"));
        await().atMost(WAIT).until(() -> !store.ownedPartitions().isEmpty());

        var polled = api().pollNow(id);

        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.body().get("status").get("lastOutcome").asString()).isEqualTo("not-modified");
        assertThat(polled.body().get("status").get("itemsSeen").asLong()).isEqualTo(1);
        assertThat(SERVER.requests(path)).hasSize(2);
        assertThat(SERVER.requests(path).get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(eventsOf(url)).hasSize(1);
        assertThat(meters.counter("newsflow.ingest.feed.polls", "outcome", "not-modified")
                        .count())
                .isPositive();
    }

    @Test
    void aFailingFeedIsBackedOffExponentiallyAndReportsItsFailures() {
        var path = "/" + UUID.randomUUID() + "/broken.xml";
        SERVER.handle(path, exchange -> LocalFeedServer.respond(exchange, 503, null, new byte[0]));
        var id = api().register(SERVER.url(path), "1s").body().get("id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(api().get(id)
                        .body()
                        .get("status")
                        .get("consecutiveFailures")
                        .asInt())
                .isGreaterThanOrEqualTo(3));

        var status = api().get(id).body().get("status");
        var failures = status.get("consecutiveFailures").asInt();
        var wait = Duration.between(
                Instant.parse(status.get("lastPolledAt").asString()),
                Instant.parse(status.get("nextPollAt").asString()));
        assertThat(wait).isEqualTo(Duration.ofSeconds(1L << failures));
        assertThat(status.get("lastOutcome").asString()).isEqualTo("http-error");
        assertThat(status.get("lastError").asString()).contains("503");
        var requests = SERVER.requests(path);
        var firstGap = requests.get(1).nanoTime() - requests.get(0).nanoTime();
        var secondGap = requests.get(2).nanoTime() - requests.get(1).nanoTime();
        // The schedule is exact (above); the gaps seen by the server are that plus or minus connection jitter.
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(Duration.ofMillis(3500));
        assertThat(meters.counter("newsflow.ingest.feed.polls", "outcome", "http-error")
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedAndReportedWithoutBeingFollowed() {
        var path = "/" + UUID.randomUUID() + "/moved.xml";
        SERVER.handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", "http://10.0.0.1/feed.xml");
            LocalFeedServer.respond(exchange, 302, null, new byte[0]);
        });
        var id = api().register(SERVER.url(path), "1h").body().get("id").asString();

        await().atMost(WAIT).untilAsserted(() -> {
            var status = api().get(id).body().get("status");
            assertThat(status.get("lastOutcome").asString()).isEqualTo("refused");
            assertThat(status.get("lastError").asString()).contains("10.0.0.1");
        });
    }

    @Test
    void brokenAndHostileFeedsEndAsPerFeedErrorsInTheirStatus() {
        var html = "/" + UUID.randomUUID() + "/sorry.html";
        var bomb = "/" + UUID.randomUUID() + "/lol.xml";
        SERVER.handle(
                html,
                exchange -> LocalFeedServer.respond(
                        exchange, 200, "text/html", "<html><body><p>We're sorry</body></html>".getBytes()));
        SERVER.handle(
                bomb,
                exchange -> LocalFeedServer.respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        FeedParserTest.BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8)));
        var htmlId = api().register(SERVER.url(html), "1h").body().get("id").asString();
        var bombId = api().register(SERVER.url(bomb), "1h").body().get("id").asString();

        await().atMost(WAIT).untilAsserted(() -> {
            var htmlStatus = api().get(htmlId).body().get("status");
            assertThat(htmlStatus.get("lastOutcome").asString()).isEqualTo("parse-error");
            assertThat(htmlStatus.get("lastError").asString()).startsWith("not a readable RSS or Atom feed");
            var bombStatus = api().get(bombId).body().get("status");
            assertThat(bombStatus.get("lastOutcome").asString()).isEqualTo("refused-content");
            assertThat(bombStatus.get("consecutiveFailures").asInt()).isEqualTo(1);
        });
        assertThat(meters.counter("newsflow.ingest.feed.polls", "outcome", "refused-content")
                        .count())
                .isPositive();
    }

    @Test
    void aFeedOnAHostThatIsNotAllowListedIsRefusedAtRegistration() {
        var response = api().register("http://localhost:" + SERVER.port() + "/feed.xml", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("type").asString()).isEqualTo("https://newsflow.io/problems/feed-url-refused");
        assertThat(response.body().get("detail").asString()).contains("allowed-hosts");
    }

    @Test
    void registeringTheSameUrlTwiceGivesOneFeedAndADeletedFeedIsGone() {
        var path = "/" + UUID.randomUUID() + "/twice.xml";
        SERVER.handle(
                path,
                exchange -> LocalFeedServer.respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        LocalFeedServer.rss("T").getBytes(StandardCharsets.UTF_8)));

        var first = api().register(SERVER.url(path), "1h");
        var second = api().register(SERVER.url(path), "2h");
        var id = first.body().get("id").asString();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asString()).isEqualTo(id);
        assertThat(api().list().body().valueStream().map(feed -> feed.get("id").asString()))
                .contains(id);
        assertThat(api().delete(id).status()).isEqualTo(204);
        assertThat(api().get(id).status()).isEqualTo(404);
        assertThat(api().delete(id).status()).isEqualTo(404);
    }

    @Test
    void aPollsStateWrittenAfterTheFeedWasDeletedDoesNotBringItBack() {
        var path = "/" + UUID.randomUUID() + "/late.xml";
        SERVER.handle(
                path,
                exchange -> LocalFeedServer.respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        LocalFeedServer.rss("T").getBytes(StandardCharsets.UTF_8)));
        var id = api().register(SERVER.url(path), "1h").body().get("id").asString();
        await().atMost(WAIT)
                .until(() ->
                        store.find(id).map(feed -> feed.status().revision() > 0).orElse(false));
        var polled = store.find(id).orElseThrow();
        assertThat(api().delete(id).status()).isEqualTo(204);

        // what the owner's poll in flight during the deletion writes: the feed with its next state
        var late = polled.withStatus(
                polled.status().succeeded(Instant.now(), "success", 0, 0, Duration.ofHours(1), null, null));
        KafkaRecords.send("feeds-it.feeds", id, json.writeValueAsString(late), Map.of());

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        KafkaRecords.withKey("feeds-it.feeds", id).getLast().value())
                .isNull());
        assertThat(api().get(id).status()).isEqualTo(404);
        assertThat(store.find(id)).isEmpty();
    }

    private List<ArticleIngested> eventsOf(String feedUrl) {
        return KafkaRecords.readAll(RAW).stream()
                .map(record -> json.readValue(record.value(), ArticleIngested.class))
                .filter(event -> feedUrl.equals(event.source().feedUrl()))
                .toList();
    }
}
