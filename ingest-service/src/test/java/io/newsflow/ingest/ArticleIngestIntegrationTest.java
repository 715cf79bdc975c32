package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIngested;
import io.newsflow.events.EventHeaders;
import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker: the 202 comes only after Kafka acknowledged the events, so they must be readable by a fresh
 * consumer as soon as the response arrives, without waiting. That is how we know an accepted article is not lost.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=" + ArticleIngestIntegrationTest.RAW,
            "newsflow.topics.ingest-state=" + ArticleIngestIntegrationTest.STATE
        })
@Import(NewsflowTestInfrastructure.class)
class ArticleIngestIntegrationTest {

    static final String RAW = "ingest-it.articles.raw";
    static final String STATE = "ingest-it.articles.ingest-state";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void acceptedArticleIsOnKafkaKeyedByItsIdWithTypeHeaders() {
        var url = "https://news.example.com/" + UUID.randomUUID();

        var response = http().post()
                .uri("/api/v1/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title", "Europe advances plans",
                        "body", "<p>European allies of Kyiv are working on plans.</p>",
                        "url", url + "?utm_source=rss",
                        "source", Map.of("name", "RksNews", "domain", "rksnews.com"),
                        "publishedAt", "2025-03-01T08:00:00Z"))
                .retrieve()
                .toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        var id = (String) response.getBody().get("id");
        var records = KafkaRecords.withKey(RAW, id);
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertEventHeaders(record);
        var event = json.readValue(record.value(), ArticleIngested.class);
        assertThat(event.articleId()).isEqualTo(id);
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.source().name()).isEqualTo("RksNews");
        assertThat(event.article().url()).isEqualTo(url + "?utm_source=rss");
        assertThat(event.article().body()).isEqualTo("<p>European allies of Kyiv are working on plans.</p>");
        assertThat(event.article().publishedAt()).hasToString("2025-03-01T08:00:00Z");
    }

    @Test
    void theSameArticleTwiceIsADuplicateAndChangedContentTheNextRevision() {
        var url = "https://news.example.com/" + UUID.randomUUID();

        var first = post("/api/v1/articles", article(url, "First version"));
        var again = post("/api/v1/articles", article(url + "#comments", "First version"));
        var changed = post("/api/v1/articles", article(url, "Second version"));

        assertThat(first.path("outcome").asString()).isEqualTo("accepted");
        assertThat(again.path("outcome").asString()).isEqualTo("duplicate");
        assertThat(again.path("revision").asLong()).isEqualTo(1);
        assertThat(changed.path("outcome").asString()).isEqualTo("updated");
        assertThat(changed.path("revision").asLong()).isEqualTo(2);
        var id = first.path("id").asString();
        assertThat(again.path("id").asString()).isEqualTo(id);
        assertThat(KafkaRecords.withKey(RAW, id))
                .extracting(r -> json.readValue(r.value(), ArticleIngested.class))
                .extracting(ArticleIngested::revision, e -> e.article().body())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "First version"),
                        org.assertj.core.groups.Tuple.tuple(2L, "Second version"));
        assertThat(KafkaRecords.withKey(STATE, id))
                .extracting(r -> json.readTree(r.value()).path("revision").asLong())
                .containsExactly(1L, 2L);
    }

    @Test
    void aJsonBatchPublishesItsValidItemsKeyedByIdWithHeadersAndRejectsTheOthers() {
        var run = UUID.randomUUID();
        var body = List.of(
                article("https://news.example.com/" + run + "/1", "One"),
                Map.of("body", "an article without a title"),
                article("https://news.example.com/" + run + "/2", "Two"),
                article("https://news.example.com/" + run + "/1?utm_medium=social", "One"));

        var result = post("/api/v1/articles/batch", body);

        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("duplicate").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        var results = result.path("results");
        assertThat(results.get(1).path("errors").get(0).path("field").asString())
                .isEqualTo("title");
        assertThat(results.get(3).path("id").asString())
                .isEqualTo(results.get(0).path("id").asString());
        for (var index : List.of(0, 2)) {
            var id = results.get(index).path("id").asString();
            var records = KafkaRecords.withKey(RAW, id);
            assertThat(records).as("records of item %d", index).hasSize(1);
            assertEventHeaders(records.getFirst());
            assertThat(json.readValue(records.getFirst().value(), ArticleIngested.class)
                            .articleId())
                    .isEqualTo(id);
        }
    }

    @Test
    void anNdjsonBatchPublishesEveryLineOnceKafkaAcknowledgedThem() {
        var run = UUID.randomUUID();
        var lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append(json.writeValueAsString(article("https://news.example.com/" + run + "/" + i, "Story " + i)))
                    .append('\n');
        }

        var result = json.readTree(http().post()
                .uri("/api/v1/articles/batch")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(lines.toString())
                .retrieve()
                .body(String.class));

        assertThat(result.path("accepted").asInt()).isEqualTo(50);
        var ids = new java.util.HashSet<String>();
        result.path("results").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids).hasSize(50);
        var published = KafkaRecords.readAll(RAW).stream()
                .filter(r -> ids.contains(r.key()))
                .toList();
        assertThat(published).hasSize(50).allSatisfy(this::assertEventHeaders);
    }

    @Test
    void badInputIsAProblemAndNeverAServerError() {
        var malformed = http().post()
                .uri("/api/v1/articles/batch")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"title\": \"t\", \"body\": \"b\"}\n{oops\n")
                .exchange((request, response) -> Map.entry(
                        response.getStatusCode(),
                        json.readTree(response.getBody().readAllBytes())));
        var tooLarge = http().post()
                .uri("/api/v1/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(article("https://news.example.com/big", "x".repeat(1_100_000))))
                .exchange((request, response) -> Map.entry(
                        response.getStatusCode(),
                        json.readTree(response.getBody().readAllBytes())));

        assertThat(malformed.getKey()).isEqualTo(HttpStatusCode.valueOf(400));
        assertThat(malformed.getValue().path("line").asInt()).isEqualTo(2);
        assertThat(tooLarge.getKey()).isEqualTo(HttpStatusCode.valueOf(413));
        assertThat(tooLarge.getValue().path("limit").asLong()).isEqualTo(1_048_576);
    }

    @Test
    void isReadyOnceTheIngestStateIsReadAndExposesMetricsAndItsApiDescription() {
        var readiness = json.readTree(
                http().get().uri("/actuator/health/readiness").retrieve().body(String.class));
        post("/api/v1/articles", article("https://news.example.com/" + UUID.randomUUID(), "Counted"));
        var metric = json.readTree(http().get()
                .uri("/actuator/metrics/{name}?tag=outcome:accepted", IngestMetrics.ARTICLES)
                .retrieve()
                .body(String.class));
        var latency = json.readTree(http().get()
                .uri("/actuator/metrics/{name}", IngestMetrics.PUBLISH)
                .retrieve()
                .body(String.class));
        var apiDocs = json.readTree(http().get().uri("/v3/api-docs").retrieve().body(String.class));
        var swagger = http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(metric.path("measurements").get(0).path("value").asDouble()).isPositive();
        assertThat(latency.path("measurements").get(0).path("value").asDouble()).isPositive();
        assertThat(apiDocs.path("paths").has("/api/v1/articles")).isTrue();
        JsonNode batchContent = apiDocs.path("paths")
                .path("/api/v1/articles/batch")
                .path("post")
                .path("requestBody")
                .path("content");
        assertThat(batchContent.propertyNames()).contains("application/json", "application/x-ndjson");
        assertThat(swagger.getStatusCode().is2xxSuccessful()).isTrue();
    }

    private void assertEventHeaders(ConsumerRecord<String, String> record) {
        assertThat(KafkaRecords.header(record, EventHeaders.EVENT_TYPE)).isEqualTo(ArticleIngested.TYPE);
        assertThat(KafkaRecords.header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
    }

    private static Map<String, Object> article(String url, String body) {
        return Map.of("title", "A story", "body", body, "url", url, "source", Map.of("name", "Example News"));
    }

    private JsonNode post(String path, Object body) {
        var response = http().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        return json.readTree(response.getBody());
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }
}
