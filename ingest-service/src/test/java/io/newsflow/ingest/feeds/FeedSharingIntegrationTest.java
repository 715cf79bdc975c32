package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.IngestApplication;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several ingest instances (application contexts in this JVM, each with its own Kafka clients) share the feeds of one
 * registry topic: each feed is polled by exactly one of them, the others take over when it stops, and a new instance
 * starts from the registry and state on the topic.
 */
class FeedSharingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final int FEEDS = 6;

    private final String topic = "feeds-share-" + UUID.randomUUID() + ".feeds";
    private final String group = "feeds-share-" + UUID.randomUUID();
    private final LocalFeedServer server = new LocalFeedServer();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        server.close();
    }

    private ConfigurableApplicationContext startInstance() {
        var context = new SpringApplicationBuilder(IngestApplication.class, NewsflowTestInfrastructure.class)
                // Command-line arguments: they win over application.yaml, as for a real instance.
                .run(
                        "--server.port=0",
                        "--newsflow.topics.raw=feeds-share.articles.raw",
                        // the assertions below count the feeds topic's partitions
                        "--newsflow.topics.partitions=3",
                        "--newsflow.ingest.feeds.topic=" + topic,
                        "--newsflow.ingest.feeds.consumer-group=" + group,
                        "--newsflow.ingest.feeds.allowed-hosts=127.0.0.1",
                        "--newsflow.ingest.feeds.min-poll-interval=1s",
                        "--newsflow.ingest.feeds.check-interval=100ms",
                        "--newsflow.ingest.fetch.teaser-length=0",
                        // every feed here is on one host, and polls take their turn at its gate: with the default
                        // delay of 1 s the turns shift polls by seconds and blur the gaps the test measures
                        "--newsflow.ingest.fetch.host-delay=50ms");
        instances.add(context);
        return context;
    }

    @Test
    void twoInstancesPollEachFeedOnceAndTheSurvivorTakesOverWhenOneStops() throws Exception {
        var first = startInstance();
        var second = startInstance();
        var firstStore = first.getBean(FeedStore.class);
        var secondStore = second.getBean(FeedStore.class);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(firstStore.ownedPartitions()).isNotEmpty();
            assertThat(secondStore.ownedPartitions()).isNotEmpty();
            var all = new HashSet<>(firstStore.ownedPartitions());
            all.addAll(secondStore.ownedPartitions());
            assertThat(all).hasSize(3);
        });
        assertThat(firstStore.ownedPartitions()).doesNotContainAnyElementsOf(secondStore.ownedPartitions());

        var paths = new ArrayList<String>();
        var registry = first.getBean(FeedRegistry.class);
        for (int i = 0; i < FEEDS; i++) {
            var path = "/feed-" + i + ".xml";
            var body = LocalFeedServer.rss("Feed " + i, "https://shared.example.com/" + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8);
            server.handle(path, exchange -> LocalFeedServer.respond(exchange, 200, "application/rss+xml", body));
            registry.register(URI.create(server.url(path)), INTERVAL, "Shared " + i);
            paths.add(path);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            for (var path : paths) {
                assertThat(server.requests(path)).as(path).hasSizeGreaterThanOrEqualTo(4);
            }
        });
        // Polled by two instances, a feed would be fetched twice per interval; by one, never much sooner than that.
        for (var path : paths) {
            assertThat(gaps(server.requests(path)))
                    .as("gaps between the polls of %s", path)
                    .allSatisfy(gap -> assertThat(gap)
                            .isGreaterThan(INTERVAL.multipliedBy(3).dividedBy(4)));
        }
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(second.getBean(FeedRegistry.class).list()).hasSize(FEEDS));
        var ownedByFirst = paths.stream()
                .filter(path -> firstStore.owns(FeedRegistry.idOf(URI.create(server.url(path)))))
                .count();
        var ownedBySecond = paths.stream()
                .filter(path -> secondStore.owns(FeedRegistry.idOf(URI.create(server.url(path)))))
                .count();
        assertThat(ownedByFirst + ownedBySecond).isEqualTo(FEEDS);

        var onDemand = "/on-demand.xml";
        server.handle(
                onDemand,
                exchange -> LocalFeedServer.respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        LocalFeedServer.rss("On demand", "https://shared.example.com/on-demand")
                                .getBytes(StandardCharsets.UTF_8)));
        var onDemandId = registry.register(URI.create(server.url(onDemand)), Duration.ofHours(1), null)
                .feed()
                .id();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(server.requests(onDemand)).hasSize(1));
        var notOwner = firstStore.owns(onDemandId) ? second : first;
        await().atMost(WAIT)
                .until(() ->
                        notOwner.getBean(FeedRegistry.class).find(onDemandId).isPresent());
        var answer = new FeedApi(port(notOwner)).pollNow(onDemandId);
        assertThat(answer.status())
                .as("poll now asked of the instance that does not own the feed")
                .isEqualTo(202);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(server.requests(onDemand)).hasSize(2));

        first.close();
        var closedAt = System.nanoTime();

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(secondStore.ownedPartitions()).containsExactlyInAnyOrder(0, 1, 2));
        await().atMost(WAIT).untilAsserted(() -> {
            for (var path : paths) {
                assertThat(server.requests(path).stream().filter(r -> r.nanoTime() > closedAt))
                        .as("polls of %s after the first instance stopped", path)
                        .hasSizeGreaterThanOrEqualTo(2);
            }
        });

        var third = startInstance();
        var thirdRegistry = third.getBean(FeedRegistry.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(thirdRegistry.list())
                .hasSize(FEEDS + 1)
                .allSatisfy(feed -> assertThat(feed.status().itemsSeen()).isPositive()));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static List<Duration> gaps(List<LocalFeedServer.Request> requests) {
        var gaps = new ArrayList<Duration>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(Duration.ofNanos(
                    requests.get(i).nanoTime() - requests.get(i - 1).nanoTime()));
        }
        return gaps;
    }
}
