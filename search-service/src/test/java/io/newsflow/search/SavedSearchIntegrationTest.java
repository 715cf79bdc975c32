package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@SearchServiceTest
class SavedSearchIntegrationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void savedSearchesAreCreatedListedAndDeleted() {
        var word = Articles.uniqueWord();
        var created = api.call(
                HttpMethod.POST,
                "/api/v1/saved-searches",
                Map.of("name", "Ukraine " + word, "query", word, "filters", Map.of("tag", List.of("ukraine"))),
                Map.of());

        assertThat(created.status()).isEqualTo(201);
        var id = created.body().path("id").asString();
        assertThat(created.headers().get("Location")).endsWith("/api/v1/saved-searches/" + id);
        assertThat(api.ok("/api/v1/saved-searches/" + id)
                        .path("filters")
                        .path("tag")
                        .get(0)
                        .asString())
                .isEqualTo("ukraine");
        assertThat(names(api.ok("/api/v1/saved-searches").path("savedSearches")))
                .contains("Ukraine " + word);

        assertThat(api.call(HttpMethod.DELETE, "/api/v1/saved-searches/" + id, null, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/saved-searches/" + id).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.DELETE, "/api/v1/saved-searches/" + id, null, Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aSavedSearchWithAnUnknownFilterOrNoNameIsAProblem() {
        var unknownFilter = api.call(
                HttpMethod.POST,
                "/api/v1/saved-searches",
                Map.of("name", "x", "filters", Map.of("colour", List.of("red"))),
                Map.of());
        var noName = api.call(HttpMethod.POST, "/api/v1/saved-searches", Map.of("query", "x"), Map.of());

        assertThat(unknownFilter.status()).isEqualTo(400);
        assertThat(unknownFilter.contentType()).isEqualTo("application/problem+json");
        assertThat(unknownFilter.body().path("detail").asString()).contains("colour");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void theStreamOfASavedSearchPushesEachNewlyIndexedMatch() throws Exception {
        var word = Articles.uniqueWord();
        var id = api.call(
                        HttpMethod.POST,
                        "/api/v1/saved-searches",
                        Map.of("name", "alerts " + word, "query", word, "filters", Map.of("tag", List.of("alert"))),
                        Map.of())
                .body()
                .path("id")
                .asString();
        var lines = new CopyOnWriteArrayList<String>();
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/saved-searches/" + id + "/stream"))
                .header("Accept", "text/event-stream")
                .build();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        var stream = response.get().body();
        Thread.ofVirtual().start(() -> stream.forEach(lines::add));
        assertThat(response.get().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:subscribed"));

        var match =
                Articles.builder("Alert " + word, "matching body").tags("alert").build();
        var otherTag =
                Articles.builder("Alert " + word, "other tag").tags("sport").build();
        var otherWords = Articles.builder("Alert elsewhere", "no word here")
                .tags("alert")
                .build();
        Articles.send(SearchServiceTest.TOPIC, otherTag);
        Articles.send(SearchServiceTest.TOPIC, otherWords);
        Articles.send(SearchServiceTest.TOPIC, match);

        await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(match.articleId())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/articles/" + otherWords.articleId())
                                        .status()
                                == 200
                        && api.get("/api/v1/articles/" + otherTag.articleId()).status() == 200);
        var data = lines.stream().filter(line -> line.startsWith("data:")).toList();
        // by the pushed article's own id: the match may carry the other's id as its story id
        assertThat(data.stream().filter(line -> line.startsWith("data:{")).map(line -> Articles.JSON
                        .readTree(line.substring("data:".length()))
                        .path("id")
                        .asString()))
                .doesNotContain(otherTag.articleId(), otherWords.articleId());
        assertThat(lines).contains("event:article");
        var event = Articles.JSON.readTree(data.stream()
                .filter(line -> line.contains(match.articleId()))
                .findFirst()
                .orElseThrow()
                .substring("data:".length()));
        assertThat(event.path("title").asString()).isEqualTo("Alert " + word);
        response.cancel(true);
    }

    @Test
    void oneStreamAlertsForEverySavedSearchIncludingOnesSavedAfterItOpened() throws Exception {
        var before = Articles.uniqueWord();
        var after = Articles.uniqueWord();
        var savedBefore = save("before " + before, before);
        var lines = new CopyOnWriteArrayList<String>();
        var response = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/saved-searches/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        var stream = response.get().body();
        Thread.ofVirtual().start(() -> stream.forEach(lines::add));
        assertThat(response.get().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:subscribed"));
        var savedAfter = save("after " + after, after);

        var matchesBefore = Articles.builder("Harbour " + before, "first body").build();
        var matchesAfter = Articles.builder("Harbour " + after, "second body").build();
        var matchesNeither = Articles.builder("Harbour " + Articles.uniqueWord(), "third body")
                .build();
        Articles.send(SearchServiceTest.TOPIC, matchesNeither);
        Articles.send(SearchServiceTest.TOPIC, matchesBefore);
        Articles.send(SearchServiceTest.TOPIC, matchesAfter);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts(lines))
                .extracting(alert -> alert.at("/savedSearch/id").asString()
                        + " " + alert.at("/savedSearch/name").asString()
                        + " " + alert.at("/article/id").asString()
                        + " " + alert.at("/article/title").asString())
                .contains(
                        savedBefore + " before " + before + " " + matchesBefore.articleId() + " Harbour " + before,
                        savedAfter + " after " + after + " " + matchesAfter.articleId() + " Harbour " + after));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/articles/" + matchesNeither.articleId())
                                .status()
                        == 200);
        var ours = List.of(savedBefore, savedAfter);
        assertThat(alerts(lines))
                .filteredOn(alert -> ours.contains(alert.at("/savedSearch/id").asString()))
                .extracting(alert -> alert.at("/article/id").asString())
                .containsExactlyInAnyOrder(matchesBefore.articleId(), matchesAfter.articleId());
        assertThat(lines).contains("event:alert").doesNotContain("event:article");
        response.cancel(true);
    }

    @Test
    void streamingAnUnknownSavedSearchIsA404() {
        assertThat(api.get("/api/v1/saved-searches/nope/stream").status()).isEqualTo(404);
    }

    private String save(String name, String query) {
        return api.call(HttpMethod.POST, "/api/v1/saved-searches", Map.of("name", name, "query", query), Map.of())
                .body()
                .path("id")
                .asString();
    }

    /** The JSON data of a stream's events (the {@code subscribed} event's is plain text). */
    private static List<JsonNode> alerts(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith("data:{"))
                .map(line -> Articles.JSON.readTree(line.substring("data:".length())))
                .toList();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path("name").asString())
                .toList();
    }
}
