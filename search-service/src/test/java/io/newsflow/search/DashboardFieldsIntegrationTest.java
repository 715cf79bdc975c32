package io.newsflow.search;

import static io.newsflow.search.JsonAnswers.bucket;
import static io.newsflow.search.JsonAnswers.encode;
import static io.newsflow.search.JsonAnswers.ids;
import static io.newsflow.search.JsonAnswers.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleEnriched;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What a newsroom dashboard reads from the API: the publisher's own tags as tags, the detail fields of an article
 * and of every hit, and the query words {@code OR}, {@code AND} and {@code NOT}.
 */
@SearchServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFieldsIntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    final String word = Articles.uniqueWord();
    ArticleEnriched regatta;
    ArticleEnriched chess;
    ArticleEnriched olympiad;
    ArticleEnriched followUp;

    @BeforeAll
    void indexArticles() {
        api = new Api(port);
        var now = Instant.now().minus(1, ChronoUnit.HOURS);
        // a fingerprint of its own, so that the stories of earlier runs do not take these articles in
        var fingerprint = ThreadLocalRandom.current().nextLong();
        regatta = Articles.builder("Valencia hosts the regatta " + word, "Boats sailed off Valencia at dawn " + word)
                .fingerprint(hex(~fingerprint))
                .publishedAt(now)
                .build();
        // another chess event: the test's word only in its text, since a title word is a story feature and a shared
        // made-up word beside "chess" would make it as close to the olympiad as a real overlap of two title words
        chess = Articles.builder(
                        "Chess final goes to tiebreaks",
                        "The chess final was black or white until the very end " + word)
                .fingerprint(hex(fingerprint ^ 0xFFFF_FFFFL))
                .publishedAt(now.plusSeconds(10))
                .build();
        var text = "Valencia welcomes the chess olympiad with players from over a hundred countries this week " + word;
        olympiad = Articles.builder("Chess Olympiad opens in Valencia " + word, text)
                .revision(2)
                .source("Levante")
                .authors("Ana García")
                .category("sport")
                .categoryConfidence(0.73)
                .tags("sport", "olympiad")
                .publisherTags("chess olympiad", "valencia 2026")
                .keyword("olympiad", 0.87)
                .keyword("chess", 0.55)
                .people("Magnus Carlsen")
                .mentions("Magnus Carlsen", 3)
                .organizations("FIDE")
                .mentions("FIDE", 2)
                .places("Valencia")
                .mentions("Valencia", 4)
                .readingTimeMinutes(2)
                .fingerprint(hex(fingerprint))
                .publishedAt(now.plusSeconds(20))
                .build();
        followUp = Articles.builder("Chess Olympiad begins in Valencia " + word, text + " crowds gathered")
                .source("El País")
                .publisherTags("chess olympiad")
                .fingerprint(hex(fingerprint ^ 0b1)) // 1 bit away: the same story
                .publishedAt(now.plusSeconds(30))
                .build();
        List.of(regatta, chess, olympiad).forEach(article -> Articles.send(SearchServiceTest.TOPIC, article));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/articles/" + olympiad.articleId()).status() == 200);
        Articles.send(SearchServiceTest.TOPIC, followUp);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.ok("/api/v1/search?q=" + word).path("total").asLong() == 4);
    }

    @Test
    void aPublisherTagIsFoundByTheTagFilterAndCountedInTheTagsFacet() {
        var result = search(word + "&tag=" + encode("chess olympiad"));

        assertThat(ids(result)).containsExactlyInAnyOrder(olympiad.articleId(), followUp.articleId());
        assertThat(result.path("hits"))
                .allSatisfy(
                        hit -> assertThat(strings(hit.path("publisherTags"))).contains("chess olympiad"))
                .allSatisfy(hit -> assertThat(strings(hit.path("tags"))).contains("chess olympiad"));
        var tags = search(word).path("facets").path("tags");
        assertThat(bucket(tags, "chess olympiad")).isEqualTo(2);
        assertThat(bucket(tags, "valencia 2026")).isEqualTo(1);
        assertThat(bucket(tags, "sport")).as("the other tags stay").isEqualTo(1);
        assertThat(ids(search(word + "&tag=" + encode("valencia 2026")))).containsExactly(olympiad.articleId());
    }

    @Test
    void theArticleDetailCarriesWhatADashboardShows() {
        var article = api.ok("/api/v1/articles/" + olympiad.articleId());

        assertThat(article.path("revision").asLong()).isEqualTo(2);
        assertThat(article.path("storyId").asString()).isEqualTo(olympiad.articleId());
        assertThat(article.path("storySize").asLong()).isEqualTo(2);
        assertThat(strings(article.path("authors"))).containsExactly("Ana García");
        assertThat(Instant.parse(article.path("ingestedAt").asString())).isEqualTo(olympiad.occurredAt());
        assertThat(article.path("readingTimeMinutes").asInt()).isEqualTo(2);
        assertThat(article.path("category").asString()).isEqualTo("sport");
        assertThat(article.path("categoryConfidence").asDouble()).isEqualTo(0.73);
        assertThat(strings(article.path("publisherTags"))).containsExactly("chess olympiad", "valencia 2026");
        var keywords = article.path("keywords");
        assertThat(strings(keywords, "term")).containsExactly("olympiad", "chess");
        assertThat(keywords.get(0).path("score").asDouble()).isEqualTo(0.87);
        var mentions = article.path("mentions");
        assertThat(mentions.path("people").get(0).path("name").asString()).isEqualTo("Magnus Carlsen");
        assertThat(mentions.path("people").get(0).path("mentions").asInt()).isEqualTo(3);
        assertThat(mentions.path("organizations").get(0).path("mentions").asInt())
                .isEqualTo(2);
        assertThat(mentions.path("places").get(0).path("mentions").asInt()).isEqualTo(4);
        assertThat(strings(article.path("people"))).containsExactly("Magnus Carlsen");
    }

    @Test
    void everyHitOfAPageCarriesTheSizeOfItsStory() {
        var hits = search(word + "&sort=newest").path("hits");

        assertThat(ids(hits))
                .containsExactly(followUp.articleId(), olympiad.articleId(), chess.articleId(), regatta.articleId());
        assertThat(StreamSupport.stream(hits.spliterator(), false)
                        .map(hit -> hit.path("storySize").asLong())
                        .toList())
                .containsExactly(2L, 2L, 1L, 1L);
        assertThat(hits.get(0).path("storyId").asString()).isEqualTo(olympiad.articleId());
        assertThat(hits.get(1).path("keywords").get(0).path("term").asString()).isEqualTo("olympiad");
        assertThat(hits.get(1)
                        .path("mentions")
                        .path("places")
                        .get(0)
                        .path("mentions")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void orFindsEitherWord() {
        assertThat(ids(search(encode("Valencia OR chess"))))
                .contains(regatta.articleId(), chess.articleId(), olympiad.articleId(), followUp.articleId());
        assertThat(ids(search(encode(word + " (regatta OR tiebreaks)"))))
                .containsExactlyInAnyOrder(regatta.articleId(), chess.articleId());
    }

    @Test
    void andFindsBothWordsAndNotExcludesOne() {
        assertThat(ids(search(encode(word + " Valencia AND chess"))))
                .containsExactlyInAnyOrder(olympiad.articleId(), followUp.articleId());
        assertThat(ids(search(encode(word + " Valencia NOT chess")))).containsExactly(regatta.articleId());
        assertThat(ids(search(encode(word + " chess NOT Valencia")))).containsExactly(chess.articleId());
    }

    @Test
    void anOperatorWordWithoutItsTermsOrInAPhraseIsAWord() {
        assertThat(api.get("/api/v1/search?q=OR").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/search?q=" + encode("NOT AND OR")).status()).isEqualTo(200);
        assertThat(ids(search(encode(word + " OR")))).containsExactly(chess.articleId());
        assertThat(ids(search(encode(word + " \"black OR white\"")))).containsExactly(chess.articleId());
        assertThat(ids(search(encode(word + " \"OR\"")))).containsExactly(chess.articleId());
        assertThat(ids(search(encode(word + " \"white OR black\"")))).isEmpty();
    }

    private JsonNode search(String query) {
        return api.ok("/api/v1/search?q=" + query);
    }

    private static String hex(long fingerprint) {
        return "%016x".formatted(fingerprint);
    }
}
