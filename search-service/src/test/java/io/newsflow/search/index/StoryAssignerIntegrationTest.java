package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.Articles;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.stories.StoryAssigner;
import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Story grouping within a batch, across batches before a refresh, and across instances, against the real
 * Elasticsearch node of the tests (no Spring context: the assigner and the index's story look-ups only).
 */
class StoryAssignerIntegrationTest {

    private static final String TEXT =
            "The central bank raised interest rates by half a point on Thursday, its governor"
                    + " said, citing inflation that stayed high through the winter";
    private static final Instant PUBLISHED = Instant.parse("2025-03-01T08:00:00Z");

    private static ElasticsearchClient client;
    private static ArticleIndex index;

    @BeforeAll
    static void createIndex() throws IOException {
        client = ElasticsearchClient.of(
                b -> b.host(TestInfrastructure.get().elasticsearchUrl()).jsonMapper(new Jackson3JsonpMapper()));
        var alias = "stories-it-" + UUID.randomUUID().toString().substring(0, 8);
        index = new ArticleIndex(client, properties(alias));
        index.initialize();
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        client.indices().delete(d -> d.index(index.indexName(1)));
        client.indices().deleteIndexTemplate(t -> t.name(index.alias()));
        client.close();
    }

    @Test
    void nearDuplicatesInOneBatchJoinTheStoryOfTheFirstUnlessTheirWordsDiffer() throws IOException {
        var fingerprint = ThreadLocalRandom.current().nextLong();
        var first = article("Central bank raises rates", TEXT, fingerprint, 0);
        var second = article("Rates go up again", TEXT + " analysts expected it", fingerprint ^ 0b1, 60);
        var third = article("Bank lifts rates", TEXT, fingerprint ^ 0b1000_0000_0001L << 20, 120);
        var lookalike = article("Unrelated", "A completely different text about gardening tools", fingerprint, 180);
        var far = article("Bank lifts rates", TEXT, ~fingerprint, 240);

        var stories = stories(new StoryAssigner(index.stored()), List.of(first, second, third, lookalike, far));

        assertThat(stories)
                .containsEntry(first.articleId(), first.articleId())
                .containsEntry(second.articleId(), first.articleId())
                .containsEntry(third.articleId(), first.articleId())
                .containsEntry(lookalike.articleId(), lookalike.articleId())
                .containsEntry(far.articleId(), far.articleId());
    }

    @Test
    void aNearDuplicateInALaterBatchJoinsTheStoryBeforeTheIndexIsRefreshed() throws IOException {
        var fingerprint = ThreadLocalRandom.current().nextLong();
        var first = article("Central bank raises rates", TEXT, fingerprint, 0);
        var second = article("Rates go up again", TEXT, fingerprint ^ 0b110, 60);
        var stories = new StoryAssigner(index.stored());

        write(stories, first);

        assertThat(stories(stories, List.of(second))).containsEntry(second.articleId(), first.articleId());
    }

    @Test
    void aNearDuplicateJoinsTheStoryOfAnArticleAnotherInstanceIndexed() throws IOException {
        var fingerprint = ThreadLocalRandom.current().nextLong();
        var first = article("Central bank raises rates", TEXT, fingerprint, 0);
        var second = article("Rates go up again", TEXT, fingerprint ^ 0b1L << 63, 60);
        var lookalike = article("Unrelated", "A completely different text about gardening tools", fingerprint, 90);
        write(new StoryAssigner(index.stored()), first);
        index.refreshAlias();

        var otherInstance = new StoryAssigner(index.stored());

        assertThat(stories(otherInstance, List.of(second, lookalike)))
                .containsEntry(second.articleId(), first.articleId())
                .containsEntry(lookalike.articleId(), lookalike.articleId());
    }

    private static Map<String, String> stories(StoryAssigner assigner, List<ArticleEnriched> batch) throws IOException {
        return assigner.assign(batch);
    }

    private static void write(StoryAssigner assigner, ArticleEnriched article) throws IOException {
        var story = assigner.assign(List.of(article)).get(article.articleId());
        index.write(List.of(ArticleIndex.Indexable.of(article, story)));
    }

    private static ArticleEnriched article(String title, String text, long fingerprint, int minutesLater) {
        return Articles.builder(title, text)
                .source("Reuters")
                .publishedAt(PUBLISHED.plus(Duration.ofMinutes(minutesLater)))
                .fingerprint("%016x".formatted(fingerprint))
                .build();
    }

    private static SearchProperties properties(String alias) {
        return new SearchProperties(
                new SearchProperties.Topics("stories-it.enriched", 1, (short) 1),
                new SearchProperties.Search(
                        new SearchProperties.Index(alias, 4),
                        100,
                        10,
                        new SearchProperties.Indexing(
                                1,
                                1_000,
                                DataSize.ofMegabytes(8),
                                DataSize.ofKilobytes(64),
                                Duration.ofMillis(200),
                                DataSize.ofMegabytes(8),
                                Duration.ofMillis(500),
                                Duration.ofSeconds(30)),
                        "stories-it-saved-searches",
                        new SearchProperties.Dashboard("", "newsflow-dashboard", "openid search:read")));
    }
}
