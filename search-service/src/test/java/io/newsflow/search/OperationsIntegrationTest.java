package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** What operators and dashboard developers rely on besides the search API itself. */
@SearchServiceTest
class OperationsIntegrationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsAndSwaggerUiServesIt() {
        var paths = api.ok("/v3/api-docs").path("paths");

        assertThat(paths.has("/api/v1/search")).isTrue();
        assertThat(paths.has("/api/v1/articles/{id}/similar")).isTrue();
        assertThat(paths.has("/api/v1/saved-searches/{id}/stream")).isTrue();
        assertThat(paths.has("/api/v1/admin/reindex")).isTrue();
        var ui = api.call(HttpMethod.GET, "/swagger-ui/index.html", null, Map.of("Accept", "text/html"));
        assertThat(ui.status()).isEqualTo(200);
    }

    @Test
    void browsersOnTheConfiguredOriginMayCallTheApiAndOthersMayNot() {
        var allowed = api.call(
                HttpMethod.OPTIONS,
                "/api/v1/search",
                null,
                Map.of("Origin", "https://dashboard.example", "Access-Control-Request-Method", "GET"));
        var refused = api.call(
                HttpMethod.OPTIONS,
                "/api/v1/search",
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers()).containsEntry("Access-Control-Allow-Origin", "https://dashboard.example");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void metricsTellIndexingRateBatchSizesConsumerLagAndSearchLatency() {
        var article = Articles.enriched(1, "Metrics " + Articles.uniqueWord(), "body");
        Articles.send(SearchServiceTest.TOPIC, article);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/articles/" + article.articleId()).status() == 200);
        api.ok("/api/v1/search?q=metrics");

        var names = StreamSupport.stream(
                        api.ok("/actuator/metrics").path("names").spliterator(), false)
                .map(node -> node.asString())
                .toList();

        assertThat(names)
                .contains(
                        "newsflow.search.indexed",
                        "newsflow.search.batch.size",
                        "newsflow.search.query",
                        "kafka.consumer.fetch.manager.records.lag.max");
        assertThat(api.ok("/actuator/metrics/newsflow.search.indexed")
                        .path("measurements")
                        .get(0)
                        .path("value")
                        .asDouble())
                .isPositive();
        assertThat(api.ok("/actuator/metrics/newsflow.search.query?tag=kind:search")
                        .path("measurements")
                        .get(0)
                        .path("value")
                        .asDouble())
                .isPositive();
    }
}
