package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIngested;
import io.newsflow.events.EventHeaders;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker: the 202 comes only after Kafka acknowledged the event, so the event must be readable by a
 * fresh consumer as soon as the response arrives, without waiting. That is how we know an accepted article is not
 * lost.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsflow.topics.raw=ingest-it.articles.raw")
@Import(NewsflowTestInfrastructure.class)
class ArticleIngestIntegrationTest {

    private static final String TOPIC = "ingest-it.articles.raw";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void acceptedArticleIsOnKafkaKeyedByItsIdWithTypeHeaders() {
        var url = "https://news.example.com/" + UUID.randomUUID();

        var response = RestClient.create("http://localhost:" + port)
                .post()
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
        var records = KafkaRecords.withKey(TOPIC, id);
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertThat(KafkaRecords.header(record, EventHeaders.EVENT_TYPE)).isEqualTo(ArticleIngested.TYPE);
        assertThat(KafkaRecords.header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        var event = json.readValue(record.value(), ArticleIngested.class);
        assertThat(event.articleId()).isEqualTo(id);
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.source().name()).isEqualTo("RksNews");
        assertThat(event.article().url()).isEqualTo(url + "?utm_source=rss");
        assertThat(event.article().body()).isEqualTo("<p>European allies of Kyiv are working on plans.</p>");
        assertThat(event.article().publishedAt()).hasToString("2025-03-01T08:00:00Z");
    }
}
