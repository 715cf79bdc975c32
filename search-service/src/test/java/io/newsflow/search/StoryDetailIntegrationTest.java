package io.newsflow.search;

import static io.newsflow.search.JsonAnswers.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/stories/{id}}: a story's articles in time order, with its sources and entities. */
@SearchServiceTest
class StoryDetailIntegrationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void answersTheArticlesOfAStoryInTheOrderTheyWerePublished() {
        var word = Articles.uniqueWord();
        var now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // a fingerprint of its own, so that no other test's articles join the story
        var fingerprint = ThreadLocalRandom.current().nextLong();
        var text = "The central bank raised interest rates by half a point on Thursday, its governor said, "
                + "citing inflation that stayed high through the winter " + word;
        var first = Articles.builder("Central bank raises rates " + word, text)
                .source("Reuters")
                .people("Christine Lagarde")
                .organizations("ECB")
                .fingerprint(hex(fingerprint))
                .publishedAt(now)
                .build();
        var earlier = Articles.builder("Rates go up again " + word, text + " analysts expected it")
                .source("BBC News")
                .language("en")
                .people("Christine Lagarde")
                .fingerprint(hex(fingerprint ^ 0b1))
                .publishedAt(now.minusSeconds(120))
                .build();
        var later = Articles.builder("Bank lifts rates " + word, text)
                .source("Tagesschau")
                .language("de")
                .places("Frankfurt")
                .fingerprint(hex(fingerprint ^ 0b10))
                .publishedAt(now.plusSeconds(60))
                .build();
        // the first one indexed founds the story: its id is the story's
        Articles.send(SearchServiceTest.TOPIC, first);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/articles/" + first.articleId()).status() == 200);
        Stream.of(earlier, later).forEach(article -> Articles.send(SearchServiceTest.TOPIC, article));
        var storyId = first.articleId();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var story = api.ok("/api/v1/stories/" + storyId);
            assertThat(strings(story.path("articles"), "id"))
                    .containsExactly(earlier.articleId(), first.articleId(), later.articleId());
            assertThat(story.path("size").asLong()).isEqualTo(3);
            assertThat(story.path("title").asString())
                    .isEqualTo(earlier.article().title());
            var article = story.path("articles").get(2);
            assertThat(article.path("source").asString()).isEqualTo("Tagesschau");
            assertThat(article.path("language").asString()).isEqualTo("de");
            assertThat(article.path("url").asString()).isEqualTo(later.article().url());
            assertThat(Instant.parse(article.path("publishedAt").asString())).isEqualTo(now.plusSeconds(60));
            assertThat(strings(story.path("sources"), "value"))
                    .containsExactlyInAnyOrder("Reuters", "BBC News", "Tagesschau");
            var people = story.path("entities").path("people");
            assertThat(strings(people, "value")).containsExactly("Christine Lagarde");
            assertThat(people.get(0).path("count").asLong()).isEqualTo(2);
            assertThat(strings(story.path("entities").path("places"), "value")).containsExactly("Frankfurt");
        });
    }

    @Test
    void anUnknownStoryIsANotFoundProblem() {
        var response = api.get("/api/v1/stories/" + Articles.newId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asString()).startsWith("No story with id ");
    }

    @Test
    void aStoryTakesNoParameters() {
        assertThat(api.get("/api/v1/stories/" + Articles.newId() + "?size=3").status())
                .isEqualTo(400);
    }

    private static String hex(long fingerprint) {
        return "%016x".formatted(fingerprint);
    }
}
