package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.NewsflowTestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * A service with dashboards streaming saved searches stops at once: the web server's graceful shutdown waits for open
 * requests (30 s by default), and a stream never ends by itself, so the streams are ended first.
 */
class ShutdownWithOpenStreamsTest {

    @Test
    void openStreamsEndWhenTheServiceStopsInsteadOfHoldingUpItsGracefulShutdown() throws Exception {
        var app = new SpringApplicationBuilder(
                        SearchApplication.class, NewsflowTestInfrastructure.class, EnrichedTopic.class)
                .properties(Map.of(
                        "server.port", "0",
                        "newsflow.topics.enriched", "shutdown-it.articles.enriched",
                        "newsflow.search.index.alias", "shutdown-it-articles",
                        "spring.kafka.consumer.group-id", "shutdown-it"))
                .run();
        var port = ((WebServerApplicationContext) app).getWebServer().getPort();
        var api = new Api(port);
        var id = api.call(
                        HttpMethod.POST,
                        "/api/v1/saved-searches",
                        Map.of("name", "shutdown " + Articles.uniqueWord(), "query", "anything"),
                        Map.of())
                .body()
                .path("id")
                .asString();
        var lines = new CopyOnWriteArrayList<String>();
        var ended = new AtomicBoolean();
        var stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/saved-searches/" + id + "/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .body();
        Thread.ofVirtual().start(() -> {
            stream.forEach(lines::add);
            ended.set(true);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:subscribed"));

        var closing = Thread.ofVirtual().start(app::close);

        // well inside the 30 s the graceful shutdown would otherwise wait for the open stream
        await().atMost(Duration.ofSeconds(15)).until(() -> ended.get() && !closing.isAlive());
        assertThat(app.isActive()).isFalse();
    }
}
