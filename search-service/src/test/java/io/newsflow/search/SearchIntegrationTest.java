package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.kafka.DeadLetters;
import io.newsflow.testing.KafkaRecords;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SearchServiceTest
class SearchIntegrationTest {

    private static final String TOPIC = SearchServiceTest.TOPIC;
    private static final String ALIAS = SearchServiceTest.ALIAS;

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ElasticsearchClient elasticsearch;

    @LocalServerPort
    int port;

    @Test
    void indexedArticleIsFoundWithItsFieldsAndHighlights() {
        var word = uniqueWord();
        var event = enriched(1, "Peacekeeping plans " + word, "Troops for Ukraine, said " + word + " today.");

        send(event);

        var hit = await().atMost(Duration.ofSeconds(30))
                .until(() -> search(word).path("hits"), hits -> hits.size() == 1)
                .get(0);
        assertThat(hit.path("id").asString()).isEqualTo(event.articleId());
        assertThat(hit.path("title").asString()).isEqualTo("Peacekeeping plans " + word);
        assertThat(hit.path("source").asString()).isEqualTo("RksNews");
        assertThat(hit.path("language").asString()).isEqualTo("en");
        assertThat(hit.path("url").asString()).isEqualTo("https://rksnews.com/" + event.articleId());
        assertThat(hit.path("publishedAt").asString()).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(hit.path("highlights").path("title").get(0).asString()).contains("<em>" + word + "</em>");
        assertThat(search(word).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void replayingTheSameEventsLeavesCountAndVersionUnchanged() throws Exception {
        var word = uniqueWord();
        var first = enriched(1, "Replay " + word, "Body one");
        var second = enriched(2, "Replay " + word, "Body two");

        send(first);
        send(second);
        awaitVersion(second.articleId(), 2);
        send(first);
        send(second);
        send(second);
        awaitAllConsumed();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(search(word).path("total").asLong()).isEqualTo(2));
        assertThat(version(first.articleId())).isEqualTo(1);
        assertThat(version(second.articleId())).isEqualTo(2);
    }

    @Test
    void anOlderRevisionArrivingAfterANewerOneIsIgnored() throws Exception {
        var newer = enriched(3, "Newer title " + uniqueWord(), "newer body");
        var older = new ArticleEnriched(
                UUID.randomUUID().toString(),
                1,
                newer.articleId(),
                2,
                newer.occurredAt(),
                newer.ingestedEventId(),
                newer.source(),
                Article.of("Older title", "older"),
                newer.enrichment());

        send(newer);
        awaitVersion(newer.articleId(), 3);
        send(older);
        awaitAllConsumed();

        var article = get("/api/v1/articles/" + newer.articleId());
        assertThat(article.path("title").asString()).isEqualTo(newer.article().title());
        assertThat(article.path("revision").asLong()).isEqualTo(3);
    }

    @Test
    void aDocumentTheMappingRejectsGoesToTheDeadLetterTopicWhileTheRestOfTheBatchIsIndexed() throws Exception {
        var word = uniqueWord();
        var before = enriched(1, "Before the rejected " + word, "indexed");
        // a keyword term over 32766 bytes: Elasticsearch refuses the document, not the request
        var rejected = Articles.builder("Rejected " + word, "immense tag")
                .tags("x".repeat(33_000))
                .build();
        var after = enriched(1, "After the rejected " + word, "indexed too");

        send(before);
        send(rejected);
        send(after);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KafkaRecords.withKey(DeadLetters.topicFor(TOPIC), rejected.articleId()))
                        .singleElement()
                        .satisfies(record -> assertThat(KafkaRecords.header(record, "kafka_dlt-exception-message"))
                                .contains("failed to parse field [tags]")));
        awaitVersion(before.articleId(), 1);
        awaitVersion(after.articleId(), 1);
        assertThat(version(rejected.articleId())).isNull();
    }

    @Test
    void unknownArticleIsAProblem404() {
        var response = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/articles/{id}", "no-such-article")
                .exchange((request, r) -> Map.of(
                        "status",
                        r.getStatusCode(),
                        "type",
                        String.valueOf(r.getHeaders().getContentType())));

        assertThat(response.get("status")).isEqualTo(HttpStatusCode.valueOf(404));
        assertThat(response.get("type")).isEqualTo("application/problem+json");
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndIndexingGoesOn() {
        var key = "poison-" + UUID.randomUUID();
        KafkaRecords.send(TOPIC, key, "[1, 2", Map.of());
        var after = enriched(1, "After the poison " + uniqueWord(), "still indexed");
        send(after);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KafkaRecords.withKey(DeadLetters.topicFor(TOPIC), key))
                        .singleElement()
                        .satisfies(record -> assertThat(record.value()).isEqualTo("[1, 2")));
        awaitVersion(after.articleId(), 1);
    }

    private static void awaitAllConsumed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaRecords.consumedAll("search-it", TOPIC));
    }

    private void awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(version(id)).isEqualTo(version));
    }

    private Long version(String id) throws Exception {
        var response = elasticsearch.get(g -> g.index(ALIAS).id(id), Map.class);
        return response.found() ? response.version() : null;
    }

    private JsonNode search(String query) {
        return get("/api/v1/search?q=" + query);
    }

    private JsonNode get(String path) {
        return json.readTree(RestClient.create("http://localhost:" + port)
                .get()
                .uri(path)
                .retrieve()
                .body(String.class));
    }

    private void send(ArticleEnriched event) {
        KafkaRecords.send(TOPIC, event.articleId(), json.writeValueAsString(event), Map.of());
    }

    private static String uniqueWord() {
        return Articles.uniqueWord();
    }

    private static ArticleEnriched enriched(long revision, String title, String text) {
        return Articles.enriched(revision, title, text);
    }
}
