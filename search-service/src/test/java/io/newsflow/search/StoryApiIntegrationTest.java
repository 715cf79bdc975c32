package io.newsflow.search;

import static io.newsflow.search.JsonAnswers.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.query.ArticleHit;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Stories through the search API: results collapsed by story, articles similar by the stories' representation, and a
 * story filter that follows its story through a merge.
 */
@SearchServiceTest
class StoryApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleIndex index;

    @Autowired
    ArticleSearch search;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void collapsedResultsAnswerOneHitPerStoryWithTheStorysSize() {
        var word = Articles.uniqueWord();
        var strike = strike(word, Instant.now().minus(2, ChronoUnit.HOURS));
        var other = Articles.builder("Bakers of " + word + " sell bread on the square", "A market day " + word)
                .keyword("bread", 3.0)
                .keyword("market day", 2.0)
                .people("Paul Baker " + word)
                .publishedAt(Instant.now().minus(90, ChronoUnit.MINUTES))
                .build();
        indexInOrder(Stream.concat(strike.stream(), Stream.of(other)).toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(search("q=" + word))).hasSize(4);
            var collapsed = search("q=" + word + "&collapse=story&sort=newest");
            var hits = StreamSupport.stream(collapsed.path("hits").spliterator(), false)
                    .toList();
            assertThat(hits)
                    .extracting(hit -> hit.path("storyId").asString())
                    .containsExactly(other.articleId(), strike.getFirst().articleId());
            assertThat(hits).extracting(hit -> hit.path("storySize").asLong()).containsExactly(1L, 3L);
            // the story's newest article stands for it
            assertThat(hits.get(1).path("id").asString())
                    .isEqualTo(strike.getLast().articleId());
            assertThat(collapsed.path("total").asLong()).isEqualTo(4);
            assertThat(collapsed.path("next").isNull() || collapsed.path("next").isMissingNode())
                    .isTrue();
        });
    }

    @Test
    void collapsedResultsRefuseACursorAndOtherFields() {
        var word = Articles.uniqueWord();
        indexInOrder(List.of(
                Articles.builder("Ferry " + word, "The ferry " + word).build(),
                Articles.builder("Ferry " + word + " late", "The ferry " + word + " is late")
                        .build()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ids(search("q=" + word)).size() == 2);
        var cursor = search("q=" + word + "&sort=newest&size=1").path("next").asString();

        assertThat(api.get("/api/v1/search?q=" + word + "&collapse=story&sort=newest&cursor=" + cursor)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/search?q=" + word + "&collapse=source").status())
                .isEqualTo(400);
    }

    @Test
    void similarArticlesAreTheOnesSharingTermsAndEntitiesBestFirst() {
        var word = Articles.uniqueWord();
        // ten days from the other tests' strikes, beyond the window in which an article may join a story
        var strike = strike(word, Instant.now().minus(10, ChronoUnit.DAYS));
        // shares the port and a keyword, and two title words
        var weaker = Articles.builder("Dock museum of " + word + " opens", "The museum shows old cranes " + word)
                .keyword("dock workers", 1.0)
                .keyword("museum", 3.0)
                .organizations("Port of " + word)
                .publishedAt(Instant.now().minus(40, ChronoUnit.DAYS))
                .build();
        indexInOrder(Stream.concat(strike.stream(), Stream.of(weaker)).toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var similar = api.ok("/api/v1/articles/" + strike.getFirst().articleId() + "/similar?size=3")
                    .path("similar");
            assertThat(ids(similar).subList(0, 2))
                    .containsExactlyInAnyOrder(
                            strike.get(1).articleId(), strike.get(2).articleId());
            assertThat(ids(similar).get(2)).isEqualTo(weaker.articleId());
            assertThat(similar.get(0).path("score").asDouble())
                    .isGreaterThan(similar.get(2).path("score").asDouble());
        });
    }

    @Test
    void anArticleWithoutKeywordsEntitiesOrTitleWordsFindsSimilarOnesByItsText() {
        var word = Articles.uniqueWord();
        // words of two letters are no terms of the stories' representation
        var plain = Articles.builder("It is on", "The lights of harbour " + word + " went out at night")
                .publishedAt(Instant.now().minus(1, ChronoUnit.HOURS))
                .build();
        var alike = Articles.builder("So it is", "The lights of harbour " + word + " are on again at night")
                .publishedAt(Instant.now().minus(50, ChronoUnit.MINUTES))
                .build();
        indexInOrder(List.of(plain, alike));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids(api.ok("/api/v1/articles/" + plain.articleId() + "/similar")
                                .path("similar")))
                        .contains(alike.articleId()));
    }

    @Test
    void aStoryFilterFollowsItsStoryIntoTheStoryItWasMergedInto() throws Exception {
        var word = Articles.uniqueWord();
        var strike = strike(word, Instant.now().minus(20, ChronoUnit.DAYS));
        var older = strike.getFirst();
        var younger = Articles.builder("Harbour pilots of " + word + " join the dockers", "Pilots " + word)
                .keyword("harbour pilots", 3.0)
                .people("Iker Pilot " + word)
                .publishedAt(older.article().publishedAt().plusSeconds(300))
                .build();
        indexInOrder(List.of(older, younger));
        var followed = SearchQuery.of(null).withFilter(SearchQuery.Filter.STORY, List.of(younger.articleId()));

        index.refreshAlias();
        index.stored().merge(younger.articleId(), older.articleId());
        indexInOrder(strike.subList(1, 3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(search("story=" + younger.articleId())))
                    .containsExactlyInAnyOrder(
                            older.articleId(),
                            younger.articleId(),
                            strike.get(1).articleId(),
                            strike.get(2).articleId());
            // what a saved search that follows the younger story is alerted of
            assertThat(search.matching(followed, List.of(strike.get(2).articleId())))
                    .extracting(ArticleHit::id)
                    .containsExactly(strike.get(2).articleId());
        });
    }

    /** Three reports of one dock strike, each told a little differently. */
    private static List<ArticleEnriched> strike(String word, Instant published) {
        var port = "Port of " + word;
        return List.of(
                dockers("Dock workers strike at the " + port, "Reuters", port, published),
                dockers("Strike halts ships in the " + port, "AFP", port, published.plusSeconds(600)),
                dockers("Dockers walk out over pay in the " + port, "EFE", port, published.plusSeconds(1_200)));
    }

    private static ArticleEnriched dockers(String title, String source, String port, Instant published) {
        return Articles.builder(title, "Dock workers walked out over pay on Monday and ships queued at " + port)
                .source(source)
                .keyword("dock workers", 3.0)
                .keyword("strike", 2.6)
                .keyword("pay", 1.5)
                .organizations(port, "Dockers Union")
                .people("Ane Etxeberria")
                .mentions(port, 3)
                .publishedAt(published)
                .build();
    }

    /** Sends each article once the one before is stored, so that each meets the others as stored articles. */
    private void indexInOrder(List<ArticleEnriched> articles) {
        for (var article : articles) {
            Articles.send(SearchServiceTest.TOPIC, article);
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            api.get("/api/v1/articles/" + article.articleId()).status() == 200);
        }
    }

    private JsonNode search(String query) {
        return api.ok("/api/v1/search?" + query);
    }
}
