package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleIngested;
import io.newsflow.ingest.agency.AgencyCorpus;
import io.newsflow.ingest.agency.AgencyMediaTypes;
import io.newsflow.ingest.state.ArticleState;
import io.newsflow.ingest.state.IngestStateTopic;
import io.newsflow.ingest.state.Ledger;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deduplication state lives on Kafka, not in an instance: a restarted instance and a second instance on the same
 * topics both know what was published. Each test runs whole applications on topics of its own.
 */
class IngestStateSharingIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String raw = "ingest-sharing-" + run + ".raw";

    @Test
    void aRestartedInstanceStillKnowsWhatWasPublished() {
        var url = "https://news.example.com/" + run;
        String id;
        try (var before = start()) {
            id = post(before, article(url, "First version")).path("id").asString();
        }

        try (var after = start()) {
            var again = post(after, article(url, "First version"));
            var changed = post(after, article(url, "Second version"));

            assertThat(again.path("outcome").asString()).isEqualTo("duplicate");
            assertThat(changed.path("outcome").asString()).isEqualTo("updated");
            assertThat(changed.path("revision").asLong()).isEqualTo(2);
        }
        assertThat(KafkaRecords.withKey(raw, id))
                .extracting(
                        r -> json.readValue(r.value(), ArticleIngested.class).revision())
                .containsExactly(1L, 2L);
    }

    /** The version an agency item was taken at is on the state topic too, not only in the instance that took it. */
    @Test
    void aRestartedInstanceStillRefusesAnOlderVersionOfAnAgencyItem() {
        var guid = "urn:newsml:acmenews.com:" + run;
        String id;
        try (var before = start()) {
            var taken = postItem(before, AgencyCorpus.newsItem(guid, 12, "Fed to halt QE"));
            assertThat(taken.getStatusCode().value()).isEqualTo(202);
            id = json.readTree(taken.getBody()).path("id").asString();
        }

        try (var after = start()) {
            var older = postItem(after, AgencyCorpus.newsItem(guid, 11, "Fed may halt QE"));
            var newer = postItem(after, AgencyCorpus.newsItem(guid, 13, "Fed halts QE"));

            assertThat(older.getStatusCode().value()).isEqualTo(409);
            var problem = json.readTree(older.getBody());
            assertThat(problem.path("type").asString()).isEqualTo("https://newsflow.io/problems/stale-version");
            assertThat(problem.path("recordedVersion").asLong()).isEqualTo(12);
            assertThat(problem.path("sentVersion").asLong()).isEqualTo(11);
            assertThat(newer.getStatusCode().value()).isEqualTo(202);
            assertThat(json.readTree(newer.getBody()).path("revision").asLong()).isEqualTo(13);
            assertThat(stateOf(after, id))
                    .isEqualTo(new ArticleState(13, stateOf(after, id).contentHash(), 13));
        }
        assertThat(KafkaRecords.withKey(raw, id))
                .extracting(
                        r -> json.readValue(r.value(), ArticleIngested.class).revision())
                .containsExactly(12L, 13L);
    }

    /**
     * Two versions of one agency item taken by two instances at the same moment: the newer one is the article's
     * highest revision everywhere. Their state records may land in either order; an older one that lands last (here
     * written late on purpose, as the slower instance would) is written over with the newer state, so that the
     * topic's last word, all that compaction keeps, is never the older version, and an instance started afterwards
     * still refuses the older version.
     */
    @Test
    void twoVersionsTakenAtOnceByTwoInstancesEndOnTheNewerOneForEveryInstanceAndAfterCompaction() throws Exception {
        var guid = "urn:newsml:acmenews.com:" + run + "-race";
        var state = "ingest-sharing-" + run + ".ingest-state";
        String id;
        try (var a = start();
                var b = start()) {
            var older = CompletableFuture.supplyAsync(
                    () -> postItem(a, AgencyCorpus.newsItem(guid, 12, "Fed may halt QE")));
            var newer =
                    CompletableFuture.supplyAsync(() -> postItem(b, AgencyCorpus.newsItem(guid, 13, "Fed halts QE")));
            var taken = newer.get(60, TimeUnit.SECONDS);
            assertThat(taken.getStatusCode().value()).isEqualTo(202);
            assertThat(older.get(60, TimeUnit.SECONDS).getStatusCode().value()).isIn(202, 409);
            id = json.readTree(taken.getBody()).path("id").asString();
            var hash = stateOf(b, id).contentHash();
            var newest = new ArticleState(13, hash, 13);
            awaitKnown(a, id, newest);
            awaitKnown(b, id, newest);

            a.getBean(IngestStateTopic.class)
                    .record(id, new ArticleState(12, "sha256:older", 12))
                    .get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readValue(
                            KafkaRecords.withKey(state, id).getLast().value(), ArticleState.class))
                    .isEqualTo(newest));
            assertThat(stateOf(a, id)).isEqualTo(newest);
            assertThat(stateOf(b, id)).isEqualTo(newest);
        }
        try (var later = start()) {
            assertThat(stateOf(later, id).version()).isEqualTo(13);
            assertThat(postItem(later, AgencyCorpus.newsItem(guid, 12, "Fed may halt QE"))
                            .getStatusCode()
                            .value())
                    .isEqualTo(409);
        }
        var revisions = KafkaRecords.withKey(raw, id).stream()
                .map(r -> json.readValue(r.value(), ArticleIngested.class).revision())
                .toList();
        assertThat(revisions).contains(13L).allSatisfy(revision -> assertThat(revision)
                .isIn(12L, 13L));
    }

    @Test
    void twoInstancesShareTheStateOfEveryArticle() {
        var url = "https://news.example.com/" + run;
        try (var a = start();
                var b = start()) {
            var accepted = post(a, article(url, "First version"));
            var id = accepted.path("id").asString();
            awaitKnown(b, id, new ArticleState(1, stateOf(a, id).contentHash()));

            var duplicateOnB = post(b, article(url, "First version"));
            var updatedOnB = post(b, article(url, "Second version"));
            awaitKnown(a, id, stateOf(b, id));
            var duplicateOnA = post(a, article(url, "Second version"));

            assertThat(accepted.path("outcome").asString()).isEqualTo("accepted");
            assertThat(duplicateOnB.path("outcome").asString()).isEqualTo("duplicate");
            assertThat(updatedOnB.path("outcome").asString()).isEqualTo("updated");
            assertThat(updatedOnB.path("revision").asLong()).isEqualTo(2);
            assertThat(duplicateOnA.path("outcome").asString()).isEqualTo("duplicate");
            assertThat(duplicateOnA.path("revision").asLong()).isEqualTo(2);
            assertThat(KafkaRecords.withKey(raw, id))
                    .extracting(r ->
                            json.readValue(r.value(), ArticleIngested.class).revision())
                    .containsExactly(1L, 2L);
        }
    }

    /**
     * Two instances that accept the same new article at the same moment may both publish it: as the same revision
     * with the same content, which consumers that index by revision apply once.
     */
    @Test
    void twoInstancesRacingForTheSameNewArticlePublishOneRevision() throws Exception {
        var url = "https://news.example.com/" + run + "/race";
        try (var a = start();
                var b = start()) {
            var onA = java.util.concurrent.CompletableFuture.supplyAsync(() -> post(a, article(url, "Same text")));
            var onB = java.util.concurrent.CompletableFuture.supplyAsync(() -> post(b, article(url, "Same text")));

            var id = onA.get(60, java.util.concurrent.TimeUnit.SECONDS)
                    .path("id")
                    .asString();
            assertThat(onB.get(60, java.util.concurrent.TimeUnit.SECONDS)
                            .path("id")
                            .asString())
                    .isEqualTo(id);
            var events = KafkaRecords.withKey(raw, id).stream()
                    .map(r -> json.readValue(r.value(), ArticleIngested.class))
                    .toList();
            assertThat(events)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.revision()).isEqualTo(1))
                    .extracting(ArticleIngested::contentHash)
                    .containsOnly(events.getFirst().contentHash());
            awaitKnown(a, id, new ArticleState(1, events.getFirst().contentHash()));
            awaitKnown(b, id, new ArticleState(1, events.getFirst().contentHash()));
        }
    }

    private ConfigurableApplicationContext start() {
        var infrastructure = TestInfrastructure.get();
        // Arguments, not default properties: those would lose against application.yaml.
        return new SpringApplicationBuilder(IngestApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.elasticsearch.uris=" + infrastructure.elasticsearchUrl(),
                        "--newsflow.topics.raw=" + raw,
                        "--newsflow.topics.ingest-state=ingest-sharing-" + run + ".ingest-state");
    }

    private static ArticleState stateOf(ConfigurableApplicationContext instance, String id) {
        return instance.getBean(Ledger.class).get(id).orElseThrow();
    }

    private static void awaitKnown(ConfigurableApplicationContext instance, String id, ArticleState state) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(instance.getBean(Ledger.class).get(id)).contains(state));
    }

    private JsonNode post(ConfigurableApplicationContext instance, Map<String, Object> article) {
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
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

    private static ResponseEntity<String> postItem(ConfigurableApplicationContext instance, byte[] item) {
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build()
                .post()
                .uri("/api/v1/articles")
                .contentType(MediaType.parseMediaType(AgencyMediaTypes.NEWSML_G2))
                .body(item)
                .retrieve()
                .toEntity(String.class);
    }

    private static Map<String, Object> article(String url, String body) {
        return Map.of("title", "A story", "body", body, "url", url, "source", Map.of("name", "Example News"));
    }
}
