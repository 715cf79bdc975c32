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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The newsroom search API over a small set of articles that differ in every filterable field. */
@SearchServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    final String word = Articles.uniqueWord();
    final List<ArticleEnriched> articles = new ArrayList<>();
    ArticleEnriched ukraine;
    ArticleEnriched berlin;
    ArticleEnriched markets;
    ArticleEnriched football;
    ArticleEnriched election;

    @BeforeAll
    void indexArticles() {
        api = new Api(port);
        ukraine = Articles.builder(
                        "Peacekeeping plans for Ukraine " + word,
                        "Troops may be sent to Ukraine said the minister. " + word + " talks went on in Kyiv.")
                .source("BBC News")
                .language("en")
                .category("world")
                .tags("ukraine", "defence")
                .people("Keir Starmer")
                .organizations("NATO")
                .places("Ukraine")
                .lede("Troops may be sent.")
                .summary("Troops may be sent to Ukraine.")
                .publishedAt(Instant.parse("2025-03-01T08:00:00Z"))
                .build();
        berlin = Articles.builder(
                        "Koalition in Berlin " + word, "Die Regierung in Berlin verhandelt weiter " + word + ".")
                .source("Tagesschau")
                .language("de")
                .category("politics")
                .tags("germany", "coalition")
                .people("Friedrich Merz")
                .organizations("CDU")
                .places("Berlin")
                .publishedAt(Instant.parse("2025-03-02T09:00:00Z"))
                .build();
        markets = Articles.builder(
                        "Markets fall on tariff fears " + word, "Stocks fell sharply as tariffs loomed " + word + ".")
                .source("Reuters")
                .category("business")
                .tags("markets", "tariffs")
                .organizations("NATO", "Federal Reserve")
                .places("New York")
                .publishedAt(Instant.parse("2025-03-03T10:00:00Z"))
                .build();
        football = Articles.builder(
                        "Cup final ends in penalties " + word, "The final was decided on penalties " + word + ".")
                .source("BBC News")
                .category("sport")
                .tags("football")
                .places("London")
                .publishedAt(Instant.parse("2025-03-04T11:00:00Z"))
                .build();
        election = Articles.builder("Election night in Ukraine " + word, "Ukraine votes as polls close " + word + ".")
                .source("Reuters")
                .category("world")
                .tags("ukraine", "elections")
                .people("Keir Starmer")
                .places("Ukraine")
                .publishedAt(Instant.parse("2025-03-05T12:00:00Z"))
                .build();
        articles.addAll(List.of(ukraine, berlin, markets, football, election));
        articles.forEach(article -> Articles.send(SearchServiceTest.TOPIC, article));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.ok("/api/v1/search?q=" + word).path("total").asLong() == articles.size());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "tag, ukraine, 2",
        "person, Keir Starmer, 2",
        "organization, NATO, 2",
        "place, Berlin, 1",
        "category, world, 2",
        "source, BBC News, 2",
        "language, de, 1"
    })
    void eachFilterNarrowsTheResults(String filter, String value, int expected) {
        var result = search("q=" + word + "&" + filter + "=" + encode(value));

        assertThat(result.path("total").asLong()).isEqualTo(expected);
        assertThat(result.path("hits"))
                .allSatisfy(hit -> assertThat(values(hit, filter)).contains(value));
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersCombine() {
        assertThat(ids(search("q=" + word + "&tag=football&tag=markets")))
                .containsExactlyInAnyOrder(football.articleId(), markets.articleId());
        assertThat(ids(search("q=" + word + "&tag=ukraine&source=Reuters"))).containsExactly(election.articleId());
    }

    @Test
    void datesBoundThePublicationTime() {
        assertThat(ids(search("q=" + word + "&from=2025-03-02&to=2025-03-03&sort=newest")))
                .containsExactly(markets.articleId(), berlin.articleId());
        assertThat(ids(search("q=" + word + "&from=2025-03-05T00:00:00Z"))).containsExactly(election.articleId());
    }

    @Test
    void queriesUnderstandPhrasesExclusionsAndOr() {
        assertThat(ids(search("q=" + encode("\"tariff fears\" " + word)))).containsExactly(markets.articleId());
        assertThat(ids(search("q=" + encode(word + " ukraine -election")))).containsExactly(ukraine.articleId());
        assertThat(ids(search("q=" + encode(word + " (penalties | tariffs)"))))
                .containsExactlyInAnyOrder(football.articleId(), markets.articleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unclosed ((", "-", "||| ~~ **", "title:[", "\\", "AND OR NOT"})
    void oddQuerySyntaxNeverFails(String query) {
        var response = api.get("/api/v1/search?q=" + encode(query + " " + word));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void facetsCountEveryFieldOfTheMatches() {
        var facets = search("q=" + word).path("facets");

        assertThat(bucket(facets.path("tags"), "ukraine")).isEqualTo(2);
        // entities by their key (derived from the name where the event carries none)
        assertThat(bucket(facets.path("people"), "keir-starmer")).isEqualTo(2);
        assertThat(bucket(facets.path("organizations"), "nato")).isEqualTo(2);
        assertThat(bucket(facets.path("places"), "berlin")).isEqualTo(1);
        assertThat(bucket(facets.path("categories"), "world")).isEqualTo(2);
        assertThat(bucket(facets.path("sources"), "BBC News")).isEqualTo(2);
        assertThat(bucket(facets.path("languages"), "en")).isEqualTo(4);
    }

    @Test
    void theHistogramCountsArticlesPerDay() {
        var histogram = search("q=" + word).path("histogram");

        assertThat(histogram).hasSize(5);
        assertThat(histogram.get(0).path("date").asString()).startsWith("2025-03-01");
        assertThat(histogram)
                .allSatisfy(bucket -> assertThat(bucket.path("count").asLong()).isEqualTo(1));
    }

    @Test
    void hitsCarryTheirFieldsAndHighlightsOfTitleAndBody() {
        var hit = search("q=" + encode("peacekeeping " + word)).path("hits").get(0);

        assertThat(hit.path("id").asString()).isEqualTo(ukraine.articleId());
        assertThat(hit.path("source").asString()).isEqualTo("BBC News");
        assertThat(hit.path("category").asString()).isEqualTo("world");
        assertThat(hit.path("lede").asString()).isEqualTo("Troops may be sent.");
        assertThat(hit.path("summary").asString()).isEqualTo("Troops may be sent to Ukraine.");
        // which story: the fixture's articles share the run's word and entities, and may meet in one
        assertThat(hit.path("storyId").asString())
                .isNotBlank()
                .isEqualTo(api.ok("/api/v1/articles/" + ukraine.articleId())
                        .path("storyId")
                        .asString());
        assertThat(hit.path("score").asDouble()).isPositive();
        assertThat(hit.path("highlights").path("title").get(0).asString()).contains("<em>Peacekeeping</em>");
        assertThat(hit.path("highlights").path("text").get(0).asString()).contains("<em>" + word + "</em>");
    }

    @Test
    void pagesSplitTheResultsWithoutGapsOrRepeats() {
        var all = ids(search("q=" + word + "&sort=newest&size=5"));
        var pages = new ArrayList<String>();
        for (int page = 1; page <= 3; page++) {
            pages.addAll(ids(search("q=" + word + "&sort=newest&size=2&page=" + page)));
        }

        assertThat(all)
                .containsExactly(
                        election.articleId(),
                        football.articleId(),
                        markets.articleId(),
                        berlin.articleId(),
                        ukraine.articleId());
        assertThat(pages).isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "relevance"})
    void theCursorWalksEveryResultOnce(String sort) {
        var all = ids(search("q=" + word + "&sort=" + sort + "&size=5"));
        var walked = new ArrayList<String>();
        var result = search("q=" + word + "&sort=" + sort + "&size=2");
        walked.addAll(ids(result));
        while (!result.path("next").isNull() && !result.path("next").isMissingNode()) {
            result = search("q=" + word + "&sort=" + sort + "&size=2&cursor="
                    + result.path("next").asString());
            walked.addAll(ids(result));
        }

        assertThat(walked).isEqualTo(all);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown parameter | colour=red | colour",
                "bad date | from=yesterday | from",
                "bad instant | to=2025-13-01T00:00:00Z | to",
                "size over the limit | size=1000 | size",
                "size not a number | size=ten | size",
                "bad sort | sort=oldest | sort",
                "bad cursor | cursor=not-a-cursor | cursor",
                "page too deep | page=600&size=20 | cursor",
                "from after to | from=2025-03-05&to=2025-03-01 | before"
            })
    void badRequestsGetProblemDetails(String description, String query, String detail) {
        var response = api.get("/api/v1/search?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains(detail);
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        var next = search("q=" + word + "&sort=newest&size=2").path("next").asString();

        var response = api.get("/api/v1/search?q=" + word + "&sort=relevance&size=2&cursor=" + next);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("sort");
    }

    @Test
    void anArticleIsFoundByIdAndSimilarOnesAlongsideIt() {
        var article = api.ok("/api/v1/articles/" + election.articleId());
        var similar = api.ok("/api/v1/articles/" + election.articleId() + "/similar");

        assertThat(article.path("title").asString())
                .isEqualTo(election.article().title());
        // the index of a long-lived test node holds copies from earlier runs: judge by content, not by id
        assertThat(ids(similar.path("similar"))).isNotEmpty().doesNotContain(election.articleId());
        assertThat(similar.path("similar").get(0).path("title").asString()).contains("Ukraine");
        assertThat(api.get("/api/v1/articles/no-such-article/similar").status()).isEqualTo(404);
    }

    @Test
    void suggestionsCompleteTitlesAndEntityNames() {
        var titles = api.ok("/api/v1/suggest?prefix=" + encode("Peacekeeping plans"));
        var people = api.ok("/api/v1/suggest?prefix=" + encode("friedrich"));

        assertThat(strings(titles.path("suggestions"))).contains("Peacekeeping plans for Ukraine " + word);
        assertThat(strings(people.path("suggestions"))).contains("Friedrich Merz");
        assertThat(api.get("/api/v1/suggest").status()).isEqualTo(400);
    }

    @Test
    void trendingFindsWhatIsSuddenlyFrequent() {
        // a word of its own: these articles must not change the counts of the other tests
        var word = Articles.uniqueWord();
        var tag = "trend-" + word;
        var now = Instant.now();
        var key = "trend-person-" + word;
        for (int i = 0; i < 4; i++) {
            // two spellings of one person (one key): counted once, shown as the latest article spells it
            var spelling = i == 0 ? "Trend Persson " + word : "Trend Person " + word;
            Articles.send(
                    SearchServiceTest.TOPIC,
                    Articles.builder("Trending " + i + " " + word, "trending body")
                            // enrich lists an entity's name among the tags too
                            .tags(tag, spelling.toLowerCase(Locale.ROOT))
                            .people(spelling)
                            .key(spelling, key)
                            .publishedAt(now.minus(i + 1, ChronoUnit.HOURS))
                            .build());
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // a long-lived test node holds the equally rare trend tags of earlier runs too
            var trending = api.ok("/api/v1/trending?window=24h&size=100").path("terms");
            assertThat(strings(trending.path("tags"), "value"))
                    .contains(tag)
                    .as("the person's name is listed once, as the person")
                    .doesNotContain(("Trend Persson " + word).toLowerCase(Locale.ROOT));
            var person = StreamSupport.stream(trending.path("people").spliterator(), false)
                    .filter(term -> term.path("value").asString().equals(key))
                    .toList();
            assertThat(person).hasSize(1);
            assertThat(person.getFirst().path("name").asString()).isEqualTo("Trend Persson " + word);
            assertThat(person.getFirst().path("count").asLong()).isEqualTo(4);
        });
        assertThat(api.get("/api/v1/trending?window=forever").status()).isEqualTo(400);
    }

    @Test
    void reportsOfOneEventFromSeveralSourcesFormOneStory() {
        var word = Articles.uniqueWord();
        // twelve days away from the other tests' central banks (StoryDetailIntegrationTest's raises rates in the same
        // words within the hour), beyond the window in which an article may join a story (7 days); the bank's name is
        // the run's own, so that the stories of earlier runs do not take these articles in
        var now = Instant.now().minus(12, ChronoUnit.DAYS);
        var bank = "Bank of " + word;
        var first = rates("Central bank raises rates " + word, "Reuters", bank, now);
        var second = rates("Rates go up again at the " + bank, "BBC News", bank, now.plusSeconds(60));
        var third = rates("Bank lifts rates " + word, "Tagesschau", bank, now.plusSeconds(120));
        var lookalike = Articles.builder("Unrelated " + word, "A completely different text about gardening tools")
                .source("Reuters")
                .keyword("gardening tools", 3.0)
                .keyword("lawn", 2.0)
                .people("Alan Titchmarsh")
                .publishedAt(now.plusSeconds(180))
                .build();
        Articles.send(SearchServiceTest.TOPIC, first);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/articles/" + first.articleId()).status() == 200);
        List.of(second, third, lookalike).forEach(article -> Articles.send(SearchServiceTest.TOPIC, article));
        // one consumer per partition: each article is indexed in its own time
        await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of(second, third, lookalike)
                .allMatch(article ->
                        api.get("/api/v1/articles/" + article.articleId()).status() == 200));

        assertThat(storyOf(second)).isEqualTo(first.articleId());
        assertThat(storyOf(third)).isEqualTo(first.articleId());
        assertThat(storyOf(lookalike)).isEqualTo(lookalike.articleId());
        // searches see the articles after the next refresh
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stories = api.ok("/api/v1/stories?window=13d&size=100").path("stories");
            var story = StreamSupport.stream(stories.spliterator(), false)
                    .filter(s -> s.path("id").asString().equals(first.articleId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no story " + first.articleId() + " in " + stories));
            assertThat(story.path("articles").asLong()).isEqualTo(3);
            assertThat(strings(story.path("sources"))).containsExactlyInAnyOrder("Reuters", "BBC News", "Tagesschau");
            assertThat(story.path("title").asString()).isEqualTo(first.article().title());
            // counted by key, shown by name
            assertThat(strings(story.path("entities").path("organizations"))).containsExactly(bank);
        });
    }

    private static ArticleEnriched rates(String title, String source, String bank, Instant publishedAt) {
        return Articles.builder(
                        title,
                        "The central bank raised interest rates by half a point on Thursday, its governor said,"
                                + " citing inflation that stayed high through the winter.")
                .source(source)
                .keyword("interest rates", 3.0)
                .keyword("inflation", 2.4)
                .keyword("governor", 1.8)
                .organizations(bank)
                .people("Anna Governor")
                .mentions(bank, 3)
                .publishedAt(publishedAt)
                .build();
    }

    private String storyOf(ArticleEnriched article) {
        return api.ok("/api/v1/articles/" + article.articleId()).path("storyId").asString();
    }

    private JsonNode search(String query) {
        return api.ok("/api/v1/search?" + query);
    }

    private static List<String> values(JsonNode hit, String filter) {
        var field = Map.of(
                        "tag", "tags",
                        "person", "people",
                        "organization", "organizations",
                        "place", "places")
                .get(filter);
        if (field != null) {
            return strings(hit.path(field));
        }
        return List.of(hit.path(filter).asString());
    }
}
