package io.newsflow.search;

import static io.newsflow.search.JsonAnswers.bucket;
import static io.newsflow.search.JsonAnswers.bucketName;
import static io.newsflow.search.JsonAnswers.encode;
import static io.newsflow.search.JsonAnswers.ids;
import static io.newsflow.search.JsonAnswers.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleEnriched;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The category facet and filter on the IPTC Media Topic, and the entity facets by the entities' stable keys (issue 15),
 * on the real node.
 */
@SearchServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicAndEntityFacetsIntegrationTest {

    private static final String CONFLICT = "medtop:16000000";
    private static final String SPORT = "medtop:15000000";
    private static final String ZELENSKY = "volodymyr-zelensky";

    @LocalServerPort
    int port;

    Api api;
    final String word = Articles.uniqueWord();
    ArticleEnriched talks;
    ArticleEnriched frontline;
    ArticleEnriched coalition;
    ArticleEnriched guessed;

    @BeforeAll
    void indexArticles() {
        api = new Api(port);
        talks = Articles.builder("Talks in Kyiv " + word, "Zelensky met envoys in Kyiv " + word + ".")
                .mediaTopic("conflict-war-peace", CONFLICT, "conflict, war and peace")
                // two spellings of one person in one article
                .people("Volodymyr Zelensky", "Zelensky")
                .key("Volodymyr Zelensky", ZELENSKY)
                .key("Zelensky", ZELENSKY)
                .publishedAt(Instant.parse("2025-04-01T08:00:00Z"))
                .build();
        frontline = Articles.builder("Frontline shifts " + word, "Zelenskyy visited the front " + word + ".")
                .mediaTopic("conflict-war-peace", CONFLICT, "conflict, war and peace")
                .people("Zelenskyy")
                .key("Zelenskyy", ZELENSKY)
                .publishedAt(Instant.parse("2025-04-02T08:00:00Z"))
                .build();
        // enriched before the Media Topic codes: a label only
        coalition = Articles.builder("Coalition talks " + word, "The coalition met again " + word + ".")
                .category("politics")
                .publishedAt(Instant.parse("2025-04-03T08:00:00Z"))
                .build();
        guessed = Articles.builder("A match, perhaps " + word, "Something happened " + word + ".")
                .mediaTopic("sport", SPORT, "sport")
                .categoryConfidence(0.1)
                .publishedAt(Instant.parse("2025-04-04T08:00:00Z"))
                .build();
        List.of(talks, frontline, coalition, guessed)
                .forEach(article -> Articles.send(SearchServiceTest.TOPIC, article));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.ok("/api/v1/search?q=" + word).path("total").asLong() == 4);
    }

    @Test
    void anArticleWithAMediaTopicIsFoundByItsCodeAndCountedUnderItsName() {
        var result = search("q=" + word + "&category=" + encode(CONFLICT));

        assertThat(ids(result)).containsExactlyInAnyOrder(talks.articleId(), frontline.articleId());
        var categories = search("q=" + word).path("facets").path("categories");
        assertThat(bucket(categories, CONFLICT)).isEqualTo(2);
        assertThat(bucketName(categories, CONFLICT)).isEqualTo("conflict, war and peace");
        var hit = result.path("hits").get(0);
        assertThat(hit.path("categoryCode").asString()).isEqualTo(CONFLICT);
        assertThat(hit.path("categoryName").asString()).isEqualTo("conflict, war and peace");
    }

    @Test
    void labelsKeepFilteringAndAnArticleWithoutACodeIsCountedUnderItsLabel() {
        assertThat(ids(search("q=" + word + "&category=politics"))).containsExactly(coalition.articleId());
        assertThat(ids(search("q=" + word + "&category=conflict-war-peace")))
                .containsExactlyInAnyOrder(talks.articleId(), frontline.articleId());
        var categories = search("q=" + word).path("facets").path("categories");
        assertThat(bucket(categories, "politics")).isEqualTo(1);
        assertThat(bucketName(categories, "politics")).isEqualTo("politics");
    }

    @Test
    void aGuessedCategoryIsNeitherCountedNorFilteredButStaysOnTheArticle() {
        var categories = search("q=" + word).path("facets").path("categories");

        assertThat(strings(categories, "value")).containsExactlyInAnyOrder(CONFLICT, "politics");
        assertThat(search("q=" + word + "&category=" + encode(SPORT))
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(search("q=" + word + "&category=sport").path("total").asLong())
                .isZero();
        var article = api.ok("/api/v1/articles/" + guessed.articleId());
        assertThat(article.path("categoryCode").asString()).isEqualTo(SPORT);
        assertThat(article.path("categoryConfidence").asDouble()).isLessThan(0.25);
    }

    @Test
    void twoSpellingsWithOneKeyAreOneBucketNamedAsInTheLatestArticle() {
        var people = search("q=" + word).path("facets").path("people");

        assertThat(strings(people, "value")).containsExactly(ZELENSKY);
        assertThat(bucket(people, ZELENSKY)).isEqualTo(2);
        assertThat(bucketName(people, ZELENSKY)).isEqualTo("Zelenskyy");
    }

    @Test
    void anEntityFilterTakesTheKeyOrANameAsWritten() {
        assertThat(ids(search("q=" + word + "&person=" + ZELENSKY)))
                .containsExactlyInAnyOrder(talks.articleId(), frontline.articleId());
        assertThat(ids(search("q=" + word + "&person=Zelensky"))).containsExactly(talks.articleId());
        assertThat(ids(search("q=" + word + "&person=Zelenskyy"))).containsExactly(frontline.articleId());
    }

    private JsonNode search(String query) {
        return api.ok("/api/v1/search?" + query);
    }
}
