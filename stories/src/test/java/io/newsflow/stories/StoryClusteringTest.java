package io.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.events.Enrichment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryClusteringTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void rewritesOfOneEventJoinItsStoryWhileAnotherEventOfTheSameKindStartsItsOwn() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);

        var first = clustering.assign(fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        var second = clustering.assign(fire("b", "Blaze at Valencia port warehouse, no injuries", "Valencia", 30));
        var third = clustering.assign(fire("c", "Valencia firefighters battle warehouse blaze", "Valencia", 60));
        var elsewhere = clustering.assign(lisbon("d", "Lisbon docks blaze sends smoke over Alfama", 90));

        assertThat(first.started()).isTrue();
        assertThat(List.of(second.storyId(), third.storyId())).containsOnly("a");
        assertThat(elsewhere.storyId()).isEqualTo("d");
        assertThat(clustering.story("a").orElseThrow().count()).isEqualTo(3);
    }

    @Test
    void anArticleFarOutsideTheWindowStartsAStoryOfItsOwn() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.assign(fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));

        var beyondTheWindow = clustering.assign(fire("b", "Fire destroys warehouse in Valencia port", "Valencia", (int)
                StorySimilarity.DEFAULT.window().plusDays(1).toMinutes()));

        assertThat(beyondTheWindow.storyId()).isEqualTo("b");
    }

    @Test
    void anArticleMetBeforeKeepsItsStory() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.seed("older-story", fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));

        assertThat(clustering
                        .assign(fire("a", "Something else entirely", "Oslo", 5))
                        .storyId())
                .isEqualTo("older-story");
    }

    @Test
    void theSameArticlesInTheSameOrderGiveTheSameStories() {
        var articles = List.of(
                fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0),
                lisbon("b", "Lisbon docks blaze sends smoke over Alfama", 5),
                fire("c", "Blaze at Valencia port warehouse", "Valencia", 10),
                lisbon("d", "Smoke from Lisbon docks fire reaches Alfama", 15));

        var once = new StoryClustering(StorySimilarity.DEFAULT);
        var twice = new StoryClustering(StorySimilarity.DEFAULT);

        assertThat(articles.stream().map(a -> once.assign(a).storyId()).toList())
                .isEqualTo(articles.stream().map(a -> twice.assign(a).storyId()).toList())
                .containsExactly("a", "b", "a", "b");
    }

    @Test
    void ofTwoEquallyFittingStoriesTheOlderWinsAndTheOtherIsReportedForAMerge() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.seed("z-later", fire("x", "Fire destroys warehouse in Valencia port", "Valencia", 10));
        clustering.seed("m-earlier", fire("y", "Fire destroys warehouse in Valencia port", "Valencia", 0));

        var assignment = clustering.assign(fire("n", "Fire destroys warehouse in Valencia port", "Valencia", 20));

        assertThat(assignment.storyId()).isEqualTo("m-earlier");
        assertThat(assignment.alsoMatching()).containsExactly("z-later");
    }

    @Test
    void aForgottenArticleNoLongerDrawsNewArticlesIntoItsStory() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.assign(fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        clustering.assign(lisbon("b", "Lisbon docks blaze sends smoke over Alfama", 5));

        assertThat(clustering.forget("a")).isTrue();
        var again = clustering.assign(fire("c", "Fire destroys warehouse in Valencia port", "Valencia", 10));

        assertThat(again.started()).isTrue();
        assertThat(again.storyId()).isEqualTo("c");
        assertThat(clustering.story("a")).isEmpty();
        assertThat(clustering.storyOf("a")).isEmpty();
    }

    @Test
    void aStoryIsWhatItsRemainingArticlesMakeOfIt() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.seed("s", fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        clustering.seed("s", lisbon("b", "Lisbon docks blaze sends smoke over Alfama", 5));

        clustering.forget("a");

        assertThat(clustering.story("s").orElseThrow().count()).isEqualTo(1);
        assertThat(clustering
                        .assign(fire("c", "Fire destroys warehouse in Valencia port", "Valencia", 10))
                        .storyId())
                .isEqualTo("c");
        assertThat(clustering
                        .assign(lisbon("d", "Smoke from Lisbon docks fire reaches Alfama", 15))
                        .storyId())
                .isEqualTo("s");
    }

    @Test
    void aMergedStoryGivesItsArticlesToTheSurvivingOne() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.seed("older", fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        clustering.seed("younger", fire("b", "Blaze at Valencia port warehouse", "Valencia", 5));

        clustering.merge("younger", "older");

        assertThat(clustering.story("younger")).isEmpty();
        assertThat(clustering.storyOf("b")).contains("older");
        assertThat(clustering.story("older").orElseThrow().count()).isEqualTo(2);
    }

    /** Another warehouse fire, told with its own words, places and people. */
    @Test
    void aShortArticleSharingOnlyAPlaceWithAStoryStartsItsOwn() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.assign(fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        // a Dutch brief about cyclists that names the city the fire story names, and no word of it
        var cyclists = ArticleFeatures.of(
                "b",
                "Wielrenners trainen in de zon",
                List.of(new Enrichment.Keyword("wielrenners", 1.0), new Enrichment.Keyword("trainingskamp", 0.8)),
                Map.of("Valencia", 1),
                T0.plus(Duration.ofMinutes(30)));
        var story = clustering.story("a").orElseThrow();

        // the place alone would carry it over the threshold
        assertThat(StorySimilarity.DEFAULT.score(cyclists, story)).isGreaterThan(StorySimilarity.DEFAULT.threshold());
        assertThat(clustering.matching(cyclists)).isEmpty();
        assertThat(clustering.assign(cyclists).storyId()).isEqualTo("b");
    }

    /**
     * The dashboard end-to-end fixture of commit 0aad8cc (e2e-tests Desk): two short articles on different subjects
     * that share only the test's made-up word, a boilerplate sentence and the title word "outside", two days apart.
     * Their keywords are what the enrich service gives those texts (in-process and through ingest, enrich and search
     * alike, 2026-12-04). They score 0.188: apart at the product's threshold, but one story at the 0.17 and 7 days
     * that were the default from f7e49c9 to e15d5ec. A service jar built in between and not rebuilt is what made the
     * dashboard test show seven results for eight articles, two and four days apart alike.
     */
    @Test
    void theDeskFixturesHarbourAndFarmersArticlesStayApartAtTheProductsThreshold() {
        var harbour = ArticleFeatures.of(
                "harbour",
                "Container ships queued outside the harbour w3fa91b2c4d",
                keywords(
                        "w3fa91b2c4d",
                        1.0,
                        "fog closed",
                        0.9492,
                        "harbour",
                        0.828,
                        "channel",
                        0.4152,
                        "follow",
                        0.1932,
                        "details",
                        0.188,
                        "Tuesday",
                        0.1502),
                Map.of(),
                T0);
        var farmers = ArticleFeatures.of(
                "farmers",
                "Farmers protested outside parliament against w3fa91b2c4d",
                keywords(
                        "irrigation subsidies announced",
                        1.0,
                        "w3fa91b2c4d",
                        0.6258,
                        "cuts",
                        0.1617,
                        "follow",
                        0.1209,
                        "details",
                        0.1177,
                        "March",
                        0.0913),
                Map.of(),
                T0.minus(Duration.ofDays(2)));
        var harbourStory = new StoryProfile("harbour");
        harbourStory.add(harbour);

        assertThat(StorySimilarity.DEFAULT.score(farmers, harbourStory))
                .isCloseTo(0.188, within(0.001))
                .isLessThan(StorySimilarity.DEFAULT.threshold());
        var product = new StoryClustering(StorySimilarity.DEFAULT);
        product.assign(harbour);
        assertThat(product.assign(farmers).storyId()).isEqualTo("farmers");
        var reverted =
                new StoryClustering(new StorySimilarity(0.5, 0.5, 0, 0.17, Duration.ofDays(1), Duration.ofDays(7)));
        reverted.assign(harbour);
        assertThat(reverted.assign(farmers).storyId()).isEqualTo("harbour");
    }

    /**
     * Two headlines of one event (as in the UCI corpus, no body) that share a few words: their term cosine is small,
     * as headlines have few terms, so they join only at the headline threshold; two full articles with the very same
     * features stay apart at the full-article one.
     */
    @Test
    void headlinesOfOneEventSharingAFewWordsJoinWhileFullArticlesWithTheSameOverlapDoNot() {
        var headlines = new StoryClustering(StorySimilarity.DEFAULT);
        var full = new StoryClustering(StorySimilarity.DEFAULT);

        headlines.assign(yellen("a", "Yellen signals interest rates stay low for longer", 0, true));
        var headline = yellen("b", "Fed chair Yellen defends rates as jobless claims fall", 30, true);
        full.assign(yellen("a", "Yellen signals interest rates stay low for longer", 0, false));
        var article = yellen("b", "Fed chair Yellen defends rates as jobless claims fall", 30, false);

        var score = StorySimilarity.DEFAULT.score(headline, headlines.story("a").orElseThrow());
        assertThat(score)
                .isGreaterThanOrEqualTo(StorySimilarity.DEFAULT.headline().threshold())
                .isGreaterThanOrEqualTo(StorySimilarity.DEFAULT.threshold(headline));
        assertThat(StorySimilarity.DEFAULT.score(article, full.story("a").orElseThrow()))
                .isLessThan(StorySimilarity.DEFAULT.threshold())
                .isLessThan(StorySimilarity.DEFAULT.threshold(article));
        assertThat(headlines.assign(headline).storyId()).isEqualTo("a");
        assertThat(full.assign(article).storyId()).isEqualTo("b");
    }

    @Test
    void theHeadlineSettingsLeaveFullArticlesAsTheyWere() {
        var oneRule = new StorySimilarity(0.5, 0.5, 0, 0.23, Duration.ofDays(1), Duration.ofDays(3));
        var withHeadlines = oneRule.withHeadline(new StorySimilarity.Headline(1.0, 0.0, 0.01));
        var story = new StoryProfile("a");
        story.add(fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        var article = lisbon("b", "Lisbon docks blaze sends smoke over Alfama", 5);

        assertThat(withHeadlines.score(article, story)).isEqualTo(oneRule.score(article, story));
        assertThat(withHeadlines.threshold(article)).isEqualTo(0.23);
        assertThat(oneRule.headline()).isEqualTo(new StorySimilarity.Headline(0.5, 0.5, 0.23));
        assertThat(StorySimilarity.DEFAULT.withHeadline(oneRule.headline())).isEqualTo(oneRule);
    }

    @Test
    void anArticleIsAHeadlineAloneWhenItsTextAddsNoWordToItsTitle() {
        var title = "Fire destroys warehouse in Valencia port";

        assertThat(ArticleFeatures.headlineOnly(title, "")).isTrue();
        assertThat(ArticleFeatures.headlineOnly(title, null)).isTrue();
        assertThat(ArticleFeatures.headlineOnly(title, "Fire destroys warehouse in Valencia port."))
                .isTrue();
        assertThat(ArticleFeatures.headlineOnly(title, "FIRE destroys warehouse, in Valencia port!"))
                .isTrue();
        // the dashboard fixture's articles are this short, and keep the full-article threshold
        assertThat(ArticleFeatures.headlineOnly(title, "Fog closed the channel on Tuesday. Follow for details."))
                .isFalse();
        assertThat(ArticleFeatures.headlineOnly(title, title + " Crews fought it all night."))
                .isFalse();
    }

    private static ArticleFeatures yellen(String id, String title, int minutesLater, boolean headlineOnly) {
        var keywords = ArticleFeatures.words(title).stream()
                .map(word -> new Enrichment.Keyword(word, 1.0))
                .toList();
        return ArticleFeatures.of(
                id, title, keywords, Map.of(), T0.plus(Duration.ofMinutes(minutesLater)), headlineOnly);
    }

    private static List<Enrichment.Keyword> keywords(Object... termsAndScores) {
        var keywords = new ArrayList<Enrichment.Keyword>();
        for (int i = 0; i < termsAndScores.length; i += 2) {
            keywords.add(new Enrichment.Keyword((String) termsAndScores[i], (Double) termsAndScores[i + 1]));
        }
        return keywords;
    }

    @Test
    void forgettingAnArticleLeavesTheStoryItsOtherArticlesMake() {
        var a = fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0);
        var b = lisbon("b", "Lisbon docks blaze sends smoke over Alfama", 5);
        var c = fire("c", "Valencia firefighters battle warehouse blaze", "Valencia", 10);
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        for (var article : List.of(a, b, c)) {
            clustering.seed("s", article);
        }
        var left = new StoryProfile("s");
        left.add(b);
        left.add(c);

        clustering.forget("a");

        var story = clustering.story("s").orElseThrow();
        assertThat(story.count()).isEqualTo(2);
        assertThat(story.firstSeen()).isEqualTo(b.time());
        assertThat(story.lastSeen()).isEqualTo(c.time());
        for (var article : List.of(a, b, c)) {
            for (var term : article.terms().keySet()) {
                assertThat(story.termWeight(term)).isCloseTo(left.termWeight(term), within(1e-12));
            }
            for (var entity : article.entities().keySet()) {
                assertThat(story.entityWeight(entity)).isCloseTo(left.entityWeight(entity), within(1e-12));
            }
            assertThat(story.termCosine(article)).isCloseTo(left.termCosine(article), within(1e-12));
            assertThat(story.entityCosine(article)).isCloseTo(left.entityCosine(article), within(1e-12));
        }
    }

    @Test
    void aFeatureLeavesTheStoryWithTheLastArticleThatHadIt() {
        var clustering = new StoryClustering(StorySimilarity.DEFAULT);
        clustering.seed("s", fire("a", "Fire destroys warehouse in Valencia port", "Valencia", 0));
        clustering.seed("s", fire("b", "Blaze at Valencia port warehouse, no injuries", "Valencia", 5));
        clustering.seed("s", lisbon("c", "Lisbon docks blaze sends smoke over Alfama", 10));

        clustering.forget("a");
        // "b" still holds every feature of "a": the story still draws a Valencia report
        assertThat(clustering.matching(fire("d", "Fire destroys warehouse in Valencia port", "Valencia", 15)).stream()
                        .map(StoryProfile::id))
                .containsExactly("s");

        clustering.forget("b");
        // now no article of it names Valencia; "c" shares only the words "warehouse fire" with such a report
        var story = clustering.story("s").orElseThrow();
        assertThat(story.entityWeight("Valencia")).isZero();
        assertThat(story.termWeight("valencia")).isZero();
        assertThat(story.features()).doesNotContain("Valencia", "valencia", "firefighters");
    }

    private static ArticleFeatures lisbon(String id, String title, int minutesLater) {
        return ArticleFeatures.of(
                id,
                title,
                List.of(
                        new Enrichment.Keyword("warehouse fire", 3.1),
                        new Enrichment.Keyword("smoke", 2.5),
                        new Enrichment.Keyword("alfama", 2.3),
                        new Enrichment.Keyword("docks", 2.0)),
                Map.of("Lisbon", 3, "Alfama", 2, "Joao Silva", 1),
                T0.plus(Duration.ofMinutes(minutesLater)));
    }

    private static ArticleFeatures fire(String id, String title, String city, int minutesLater) {
        return ArticleFeatures.of(
                id,
                title,
                List.of(
                        new Enrichment.Keyword("warehouse fire", 3.1),
                        new Enrichment.Keyword("firefighters", 2.2),
                        new Enrichment.Keyword(city.toLowerCase(), 2.0)),
                Map.of(city, 3, city + " Fire Brigade", 1, "Chief of " + city, 1),
                T0.plus(Duration.ofMinutes(minutesLater)));
    }
}
