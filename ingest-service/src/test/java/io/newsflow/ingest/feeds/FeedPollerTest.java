package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private static final Instant PUBLISHED = Instant.parse("2025-09-01T08:00:00Z");
    private static final Instant UPDATED = Instant.parse("2025-09-01T09:00:00Z");

    @Test
    void anItemBecomesAnArticleWithEveryField() {
        var item = new FeedItem(
                "Title",
                "https://news.example.com/a",
                "guid-a",
                PUBLISHED,
                UPDATED,
                List.of("Ann"),
                List.of("World"),
                "<p>Body</p>",
                "Summary");

        var article = FeedPoller.article(item).orElseThrow();

        assertThat(article.title()).isEqualTo("Title");
        assertThat(article.url()).isEqualTo("https://news.example.com/a");
        assertThat(article.guid()).isEqualTo("guid-a");
        assertThat(article.body()).isEqualTo("<p>Body</p>");
        assertThat(article.summary()).isEqualTo("Summary");
        assertThat(article.authors()).containsExactly("Ann");
        assertThat(article.tags()).containsExactly("World");
        assertThat(article.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(article.updatedAt()).isEqualTo(UPDATED);
    }

    @Test
    void anItemWithoutTitleIsNamedByItsLinkAndOnlyUpdatedCountsAsPublished() {
        var item = new FeedItem(null, "https://news.example.com/b", null, null, UPDATED, null, null, null, null);

        var article = FeedPoller.article(item).orElseThrow();

        assertThat(article.title()).isEqualTo("https://news.example.com/b");
        assertThat(article.publishedAt()).isEqualTo(UPDATED);
    }

    @Test
    void anItemWithNothingToPublishIsSkipped() {
        assertThat(FeedPoller.article(new FeedItem("Only a title", null, "g", null, null, null, null, null, null)))
                .isEmpty();
        assertThat(FeedPoller.article(new FeedItem(null, null, "g", null, null, null, null, "<p>x</p>", null)))
                .isEmpty();
    }
}
