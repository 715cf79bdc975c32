package io.newsflow.search.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.Enrichment;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StorySimilarity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void anArticleJoinsTheStoryOfARememberedOne() {
        var recent = new RecentArticles(10, StorySimilarity.DEFAULT);
        recent.assign(fire("a", "Fire destroys warehouse in Valencia port", 0));

        var second = recent.assign(fire("b", "Blaze at Valencia port warehouse, no injuries", 30));

        assertThat(second.storyId()).isEqualTo("a");
        assertThat(second.started()).isFalse();
    }

    @Test
    void aForgottenArticleNoLongerDrawsNewArticlesIntoItsStory() {
        var recent = new RecentArticles(2, StorySimilarity.DEFAULT);
        recent.assign(fire("a", "Fire destroys warehouse in Valencia port", 0));
        recent.putStored(List.of(
                new StoredArticles.StoredArticle("other-1", harbour("x", "Fog closes Rotterdam harbour", 5)),
                new StoredArticles.StoredArticle("other-2", harbour("y", "Rotterdam harbour reopens after fog", 10))));

        var later = recent.assign(fire("c", "Fire destroys warehouse in Valencia port", 15));

        assertThat(recent.storyOf("a")).isEmpty();
        assertThat(later.storyId()).isEqualTo("c");
        assertThat(later.started()).isTrue();
    }

    @Test
    void theArticlesOfAMergedStoryDrawNewOnesIntoTheSurvivingOne() {
        var recent = new RecentArticles(10, StorySimilarity.DEFAULT);
        recent.putStored(List.of(
                new StoredArticles.StoredArticle("younger", fire("a", "Fire destroys warehouse in Valencia port", 0))));

        recent.merged("younger", "older");

        assertThat(recent.storyOf("a")).contains("older");
        assertThat(recent.assign(fire("b", "Blaze at Valencia port warehouse", 10))
                        .storyId())
                .isEqualTo("older");
    }

    private static ArticleFeatures fire(String id, String title, int minutesLater) {
        return ArticleFeatures.of(
                id,
                title,
                List.of(
                        new Enrichment.Keyword("warehouse fire", 3.1),
                        new Enrichment.Keyword("firefighters", 2.2),
                        new Enrichment.Keyword("valencia", 2.0)),
                Map.of("Valencia", 3, "Valencia Fire Brigade", 1),
                T0.plus(Duration.ofMinutes(minutesLater)));
    }

    private static ArticleFeatures harbour(String id, String title, int minutesLater) {
        return ArticleFeatures.of(
                id,
                title,
                List.of(new Enrichment.Keyword("fog", 3.0), new Enrichment.Keyword("shipping", 2.0)),
                Map.of("Rotterdam", 2, "Port of Rotterdam", 1),
                T0.plus(Duration.ofMinutes(minutesLater)));
    }
}
