package io.newsflow.search.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.Articles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clustering on its own, against stored articles held in memory. */
class StoryAssignerTest {

    private static final String TEXT =
            "The central bank raised interest rates by half a point on Thursday, its governor"
                    + " said, citing inflation that stayed high through the winter";
    private static final Instant PUBLISHED = Instant.parse("2025-03-01T08:00:00Z");
    private static final long FINGERPRINT = 0x5a5a_1234_9abc_def0L;

    private final InMemory stored = new InMemory();
    private final StoryAssigner assigner = new StoryAssigner(stored);

    @Test
    void nearDuplicatesInOneBatchJoinTheStoryOfTheFirstUnlessTheirWordsDifferOrTheirFingerprintsAreFar()
            throws Exception {
        var first = article("Central bank raises rates", TEXT, FINGERPRINT, 0);
        var second = article("Rates go up again", TEXT + " analysts expected it", FINGERPRINT ^ 0b1, 60);
        var third = article("Bank lifts rates", TEXT, FINGERPRINT ^ 0b1000_0000_0001L << 20, 120);
        var lookalike = article("Unrelated", "A completely different text about gardening tools", FINGERPRINT, 180);
        var far = article("Bank lifts rates", TEXT, ~FINGERPRINT, 240);

        var stories = assigner.assign(List.of(first, second, third, lookalike, far));

        assertThat(stories)
                .containsEntry(first.articleId(), first.articleId())
                .containsEntry(second.articleId(), first.articleId())
                .containsEntry(third.articleId(), first.articleId())
                .containsEntry(lookalike.articleId(), lookalike.articleId())
                .containsEntry(far.articleId(), far.articleId())
                .hasSize(5);
    }

    @Test
    void aNearDuplicateJoinsTheStoryOfAStoredArticleWhoseWordsConfirmIt() throws Exception {
        stored.put("stored-1", "story-9", FINGERPRINT, "Central bank raises rates", TEXT, PUBLISHED);
        var second = article("Rates go up again", TEXT, FINGERPRINT ^ 0b110, 60);
        var lookalike = article("Unrelated", "A completely different text about gardening tools", FINGERPRINT, 90);

        var stories = assigner.assign(List.of(second, lookalike));

        assertThat(stories)
                .containsEntry(second.articleId(), "story-9")
                .containsEntry(lookalike.articleId(), lookalike.articleId());
        assertThat(stored.textsAskedFor).containsExactly(Set.of("stored-1"));
    }

    @Test
    void storedArticlesAreLookedUpWithinTheStorySpanAroundTheBatch() throws Exception {
        var early = article("Central bank raises rates", TEXT, FINGERPRINT, 0);
        var late = article("Markets", "Stocks fell", 0x1111_2222_3333_4444L, 600);

        assigner.assign(List.of(late, early));

        assertThat(stored.windows)
                .containsExactly(List.of(
                        PUBLISHED.minus(StoryAssigner.STORY_SPAN),
                        PUBLISHED.plus(Duration.ofMinutes(600)).plus(StoryAssigner.STORY_SPAN)));
    }

    @Test
    void anArticleThatIsStoredAlreadyKeepsItsStory() throws Exception {
        stored.put("a1", "story-1", FINGERPRINT, "Central bank raises rates", TEXT, PUBLISHED);
        var revised = Articles.builder("Gardening tools", "Spades and rakes")
                .id("a1")
                .revision(2)
                .publishedAt(PUBLISHED)
                .fingerprint(hex(FINGERPRINT ^ 0b1))
                .build();

        assertThat(assigner.assign(List.of(revised))).containsExactly(Map.entry("a1", "story-1"));
    }

    @Test
    void aLiveBatchJoinsTheStoryOfTheBatchBeforeItThoughTheStoreDoesNotShowItYet() throws Exception {
        var first = article("Central bank raises rates", TEXT, FINGERPRINT, 0);
        var second = article("Rates go up again", TEXT, FINGERPRINT ^ 0b110, 60);

        assigner.assign(List.of(first));

        assertThat(assigner.assign(List.of(second))).containsEntry(second.articleId(), first.articleId());
    }

    @Test
    void aRebuildKeepsTheKnownStoriesAndIgnoresWhatLiveIndexingSawLately() throws Exception {
        var first = article("Central bank raises rates", TEXT, FINGERPRINT, 0);
        var second = article("Rates go up again", TEXT, FINGERPRINT ^ 0b110, 60);
        var third = article("Bank lifts rates", TEXT, FINGERPRINT ^ 0b1, 120);
        assigner.assign(List.of(first));
        var rebuilt = new InMemory();

        var stories = assigner.assign(List.of(second, third), rebuilt, Map.of(third.articleId(), "story-7"));

        assertThat(stories)
                .containsEntry(second.articleId(), second.articleId())
                .containsEntry(third.articleId(), "story-7");
        assertThat(stored.windows).hasSize(1);
        assertThat(rebuilt.windows).hasSize(1);
    }

    @Test
    void storedArticlesWithoutAStoryOrAValidFingerprintAreNoCandidates() throws Exception {
        stored.put("no-story", null, FINGERPRINT, "Central bank raises rates", TEXT, PUBLISHED);
        stored.articles.add(new StoredArticles.StoredArticle("bad-fingerprint", "story-2", "not hex"));
        var article = article("Rates go up again", TEXT, FINGERPRINT, 60);

        assertThat(assigner.assign(List.of(article))).containsEntry(article.articleId(), article.articleId());
    }

    @Test
    void articlesWithoutAValidFingerprintStartTheirOwnStoryWithoutALookUp() throws Exception {
        var article = Articles.builder("No fingerprint", TEXT)
                .publishedAt(PUBLISHED)
                .fingerprint("xyz")
                .build();

        assertThat(assigner.assign(List.of(article)))
                .containsExactly(Map.entry(article.articleId(), article.articleId()));
        assertThat(stored.windows).isEmpty();
    }

    private static ArticleEnriched article(String title, String text, long fingerprint, int minutesLater) {
        return Articles.builder(title, text)
                .publishedAt(PUBLISHED.plus(Duration.ofMinutes(minutesLater)))
                .fingerprint(hex(fingerprint))
                .build();
    }

    private static String hex(long fingerprint) {
        return "%016x".formatted(fingerprint);
    }

    /** Stored articles that share a band, as the index would find them; records what it was asked. */
    private static final class InMemory implements StoredArticles {

        final List<StoredArticle> articles = new ArrayList<>();
        final Map<String, StoredText> texts = new HashMap<>();
        final Map<String, Instant> published = new HashMap<>();
        final List<List<Instant>> windows = new ArrayList<>();
        final List<Set<String>> textsAskedFor = new ArrayList<>();

        void put(String id, String storyId, long fingerprint, String title, String text, Instant publishedAt) {
            articles.add(new StoredArticle(id, storyId, hex(fingerprint)));
            texts.put(id, new StoredText(title, text));
            published.put(id, publishedAt);
        }

        @Override
        public List<StoredArticle> sharingABand(Collection<String> bands, Instant from, Instant to) {
            windows.add(List.of(from, to));
            return articles.stream()
                    .filter(a -> Fingerprints.bands(a.fingerprint()).stream().anyMatch(bands::contains))
                    .filter(a -> !published.containsKey(a.id())
                            || !published.get(a.id()).isBefore(from)
                                    && !published.get(a.id()).isAfter(to))
                    .toList();
        }

        @Override
        public Map<String, StoredText> texts(Collection<String> ids) {
            textsAskedFor.add(Set.copyOf(ids));
            var found = new HashMap<String, StoredText>();
            ids.stream().filter(texts::containsKey).forEach(id -> found.put(id, texts.get(id)));
            return found;
        }
    }
}
