package io.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.Enrichment;
import java.time.Duration;
import java.time.Instant;
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
