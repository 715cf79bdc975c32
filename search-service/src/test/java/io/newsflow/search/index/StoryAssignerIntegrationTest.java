package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.Articles;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.stories.StoredArticles;
import io.newsflow.search.stories.StoryAssigner;
import io.newsflow.search.stories.StoryDetail;
import io.newsflow.search.stories.StoryMerger;
import io.newsflow.stories.StorySimilarity;
import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Story assignment within a batch, across batches before a refresh, across instances, under replay and when two
 * instances start one event's story at once, against the real Elasticsearch node of the tests (no Spring context:
 * the assigner and the index's story look-ups only).
 */
class StoryAssignerIntegrationTest {

    private static final Instant PUBLISHED = Instant.parse("2025-03-01T08:00:00Z");

    private static ElasticsearchClient client;
    private static ArticleIndex index;

    @BeforeAll
    static void connect() {
        client = ElasticsearchClient.of(
                b -> b.host(TestInfrastructure.get().elasticsearchUrl()).jsonMapper(new Jackson3JsonpMapper()));
    }

    // an index per test: the tests tell warehouse fires alike on purpose, and a story another test left in a shared
    // index would rightly take their articles in
    @BeforeEach
    void createIndex() throws IOException {
        index = newIndex();
    }

    private static ArticleIndex newIndex() throws IOException {
        var alias = "stories-it-" + UUID.randomUUID().toString().substring(0, 8);
        var created = new ArticleIndex(client, properties(alias));
        created.initialize();
        return created;
    }

    @AfterAll
    static void closeClient() throws IOException {
        client.close();
    }

    @Test
    void rewritesOfOneEventFromThreeSourcesFormOneStoryWhileAnotherEventOfTheSameKindStaysApart() throws IOException {
        var city = "Valencia" + suffix();
        var other = "Lisbon" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        var third = fire("AP", city + " firefighters battle warehouse blaze", city, "Maria Lopez", 60);
        var elsewhere = elsewhere("Reuters", other + " docks blaze sends smoke over the old town", other, 90);

        var stories = live().assign(List.of(first, second, third, elsewhere));

        assertThat(stories)
                .containsEntry(first.articleId(), first.articleId())
                .containsEntry(second.articleId(), first.articleId())
                .containsEntry(third.articleId(), first.articleId())
                .containsEntry(elsewhere.articleId(), elsewhere.articleId());
    }

    @Test
    void anArticleJoinsTheStoryOfAStoredArticleAnotherInstanceIndexed() throws IOException {
        var city = "Valencia" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        write(live(), first);
        index.refreshAlias();

        assertThat(live().assign(List.of(second))).containsEntry(second.articleId(), first.articleId());
    }

    @Test
    void anArticleJoinsTheStoryOfTheBatchBeforeTheIndexIsRefreshed() throws IOException {
        var city = "Valencia" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        var assigner = live();
        write(assigner, first);

        assertThat(assigner.assign(List.of(second))).containsEntry(second.articleId(), first.articleId());
    }

    @Test
    void anArticleThatIsStoredKeepsItsStory() throws IOException {
        var city = "Valencia" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        index.write(List.of(ArticleIndex.Indexable.of(first, "an-older-story")));
        index.refreshAlias();

        assertThat(live().assign(List.of(first))).containsEntry(first.articleId(), "an-older-story");
    }

    @Test
    void twoInstancesStartingOneEventsStoryAtOnceEndWithTheOlderStory() throws Exception {
        var city = "Valencia" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        var one = live();
        var two = live();

        // each assigns before the other's article is written: both start a story
        var firstStory = one.assign(List.of(first)).get(first.articleId());
        var secondStory = two.assign(List.of(second)).get(second.articleId());
        index.write(List.of(ArticleIndex.Indexable.of(first, firstStory)));
        index.write(List.of(ArticleIndex.Indexable.of(second, secondStory)));
        assertThat(secondStory).isEqualTo(second.articleId());

        // the story as searches see it: a get sees a rewrite the last refresh may have missed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            index.refreshAlias();
            assertThat(index.storiesIn(index.alias(), List.of(first.articleId(), second.articleId())))
                    .containsEntry(first.articleId(), first.articleId())
                    .containsEntry(second.articleId(), first.articleId());
            var merged = index.story(second.articleId()).orElseThrow();
            assertThat(merged.id()).isEqualTo(first.articleId());
            assertThat(merged.articles())
                    .extracting(StoryDetail.Article::id)
                    .containsExactly(first.articleId(), second.articleId());
        });
        // a later article of the event joins the surviving story, from either instance
        var third = fire("AP", city + " firefighters battle warehouse blaze", city, "Maria Lopez", 60);
        assertThat(two.assign(List.of(third))).containsEntry(third.articleId(), first.articleId());
    }

    @Test
    void replayingTheSameArticlesInOrderIntoAnEmptyIndexGivesTheSameStories() throws IOException {
        var city = "Valencia" + suffix();
        var other = "Lisbon" + suffix();
        var articles = List.of(
                fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0),
                elsewhere("Reuters", other + " docks blaze sends smoke over the old town", other, 10),
                fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30),
                elsewhere("AP", "Smoke from " + other + " docks fire reaches the old town", other, 60));
        var replayed = newIndex();

        var live = new HashMap<String, String>();
        var again = new HashMap<String, String>();
        var liveAssigner = live();
        var replayAssigner = assigner(replayed);
        for (var article : articles) {
            live.putAll(write(liveAssigner, article));
            var story = replayAssigner.assign(List.of(article));
            replayed.write(List.of(ArticleIndex.Indexable.of(article, story.get(article.articleId()))));
            again.putAll(story);
        }

        assertThat(again).isEqualTo(live);
        assertThat(Set.copyOf(live.values())).hasSize(2);
    }

    @Test
    void aRebuildGivesEveryArticleTheStoryItHadMergedStoriesIncludedWhateverOrderTheReplayTakes() throws Exception {
        var city = "Valencia" + suffix();
        var other = "Lisbon" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        var elsewhere = elsewhere("Reuters", other + " docks blaze sends smoke over the old town", other, 10);
        var assigner = live();
        write(assigner, first);
        write(assigner, elsewhere);
        // the second started a story of its own at first, merged into the older one since
        index.write(List.of(ArticleIndex.Indexable.of(second, second.articleId())));
        index.refreshAlias();
        index.stored().merge(second.articleId(), first.articleId());
        index.refreshAlias();
        var articles = List.of(first, second, elsewhere);
        var ids = articles.stream().map(ArticleEnriched::articleId).toList();
        var before = index.storiesIn(index.alias(), ids);
        var rebuilt = newIndex();

        var after = new HashMap<String, String>();
        for (var article : List.of(second, elsewhere, first)) {
            var stories = assigner(rebuilt)
                    .assign(
                            List.of(article),
                            rebuilt.stored(),
                            index.storiesIn(index.alias(), List.of(article.articleId())));
            rebuilt.write(List.of(ArticleIndex.Indexable.of(article, stories.get(article.articleId()))));
            after.putAll(stories);
        }

        assertThat(before)
                .containsEntry(first.articleId(), first.articleId())
                .containsEntry(second.articleId(), first.articleId())
                .containsEntry(elsewhere.articleId(), elsewhere.articleId());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anInstanceThatRemembersEveryStoredArticleOfTheWindowLooksUpNoCandidatesArticleByArticle() throws Exception {
        var city = "Valencia" + suffix();
        var first = fire("Reuters", "Fire destroys warehouse in " + city + " port", city, "Maria Lopez", 0);
        var second = fire("AFP", "Blaze at " + city + " port warehouse, no injuries", city, "Maria Lopez", 30);
        var third = fire("AP", city + " firefighters battle warehouse blaze", city, "Maria Lopez", 60);
        var counted = new CountedLookups(index.stored());
        var alone = new StoryAssigner(
                counted, StorySimilarity.DEFAULT, new StoryMerger(counted, StorySimilarity.DEFAULT, Duration.ZERO));

        for (var article : List.of(first, second)) {
            var stories = alone.assign(List.of(article));
            index.write(List.of(ArticleIndex.Indexable.of(article, stories.get(article.articleId()))));
            index.refreshAlias();
        }
        // its own first story checked again (a read of the window's unseen articles), found alone, not looked up
        await().atMost(Duration.ofSeconds(10)).until(() -> counted.reads.get() >= 3);
        // another instance, remembering nothing, reads the two back at once
        var other = new CountedLookups(index.stored());
        var story = new StoryAssigner(
                        other,
                        StorySimilarity.DEFAULT,
                        new StoryMerger(other, StorySimilarity.DEFAULT, Duration.ofSeconds(30)))
                .assign(List.of(third));

        assertThat(index.storiesIn(index.alias(), List.of(first.articleId(), second.articleId())))
                .containsEntry(first.articleId(), first.articleId())
                .containsEntry(second.articleId(), first.articleId());
        assertThat(story).containsEntry(third.articleId(), first.articleId());
        assertThat(counted.lookups.get()).isZero();
        assertThat(other.lookups.get()).isZero();
    }

    /**
     * The dashboard end-to-end fixture of commit 0aad8cc (e2e-tests Desk): eight short articles on different subjects,
     * two days apart, that share only the test's word, a boilerplate sentence and here and there a title word, with
     * the keywords the enrich service gives them. Eight stories, whether they come in one batch or one at a time from
     * three consumer threads, and after the merge checks, made here every time: the check's read-back of the window
     * finds too many unseen articles (as after a restart), so each new story is looked up again once it is stored.
     */
    @Test
    void theDashboardDesksEightShortArticlesStayEightStoriesInOneBatchOrOneByOneWithEveryMergeCheckMade()
            throws Exception {
        assertDeskStaysApart(index, true);
        assertDeskStaysApart(newIndex(), false);
    }

    private static void assertDeskStaysApart(ArticleIndex target, boolean oneBatch) throws Exception {
        var desk = desk();
        var checked = new EveryCheckMade(target.stored());
        var assigner = new StoryAssigner(
                checked,
                StorySimilarity.DEFAULT,
                new StoryMerger(checked, StorySimilarity.DEFAULT, Duration.ofSeconds(2)));
        var batches = oneBatch ? List.of(desk) : desk.stream().map(List::of).toList();
        var threads = Executors.newFixedThreadPool(3);
        try {
            var written = new ArrayList<Callable<Void>>();
            for (var batch : batches) {
                written.add(() -> {
                    var stories = assigner.assign(batch);
                    target.write(batch.stream()
                            .map(article -> ArticleIndex.Indexable.of(article, stories.get(article.articleId())))
                            .toList());
                    target.refreshAlias();
                    return null;
                });
            }
            for (var done : threads.invokeAll(written)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        var ids = desk.stream().map(ArticleEnriched::articleId).toList();

        // each story started is checked once its batch is written: one check per batch
        await().atMost(Duration.ofSeconds(30)).until(() -> checked.checks.get() >= batches.size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            target.refreshAlias();
            var stories = target.storiesIn(target.alias(), ids);
            assertThat(stories).as(oneBatch ? "one batch" : "one by one").hasSize(8);
            assertThat(Set.copyOf(stories.values())).containsExactlyInAnyOrderElementsOf(ids);
        });
    }

    /**
     * The look-ups, with a merge check's read-back that finds too many unseen articles, so that every new story is
     * checked; counts the checks' look-ups (made on the merger's thread).
     */
    private static final class EveryCheckMade extends DelegatedLookups {

        private final AtomicInteger checks = new AtomicInteger();

        EveryCheckMade(StoredArticles stored) {
            super(stored);
        }

        @Override
        public List<List<StoredArticle>> like(List<Probe> probes) throws IOException {
            var found = stored.like(probes);
            if (onMergersThread()) {
                checks.incrementAndGet();
            }
            return found;
        }

        @Override
        public Optional<List<StoredArticle>> allWithin(Instant from, Instant to, Collection<String> except, int max)
                throws IOException {
            return onMergersThread() ? Optional.empty() : stored.allWithin(from, to, except, max);
        }

        private static boolean onMergersThread() {
            return Thread.currentThread().getName().equals("story-merges");
        }
    }

    /** The eight articles of the desk, two days apart, with the keywords (and the one place) enrich gave them. */
    private static List<ArticleEnriched> desk() {
        var word = "w3fa91b2c4d";
        var titles = List.of(
                "Dock workers in Rotterdam agreed a new contract",
                "A late frost damaged apricot orchards across",
                "The city council approved a budget that doubles",
                "Container ships queued outside the harbour",
                "Farmers protested outside parliament against",
                "Commuters faced delays after a signal failure",
                "Archaeologists found a medieval shipwreck",
                "The regional hospital opened a children's");
        // the keywords with their scores, best first; "follow" and "details" come from the boilerplate sentence
        var keywords = List.of(
                List.of(
                        "dock workers",
                        1.0,
                        word,
                        0.6631,
                        "port authority",
                        0.5854,
                        "contract",
                        0.3472,
                        "talks",
                        0.1719,
                        "follow",
                        0.1281,
                        "details",
                        0.1247,
                        "week",
                        0.1055),
                List.of(
                        "smaller harvest",
                        1.0,
                        word,
                        0.8654,
                        "growers expect",
                        0.8451,
                        "valley",
                        0.5474,
                        "follow",
                        0.1671,
                        "details",
                        0.1627),
                List.of(
                        "city council approved",
                        1.0,
                        "bicycle lanes",
                        0.8835,
                        word,
                        0.674,
                        "doubles spending",
                        0.4233,
                        "budget",
                        0.3367,
                        "five",
                        0.1416,
                        "follow",
                        0.1302,
                        "details",
                        0.1267),
                List.of(
                        word,
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
                List.of(
                        "irrigation subsidies announced",
                        1.0,
                        word,
                        0.6258,
                        "cuts",
                        0.1617,
                        "follow",
                        0.1209,
                        "details",
                        0.1177,
                        "March",
                        0.0913),
                List.of(
                        "commuters faced delays",
                        1.0,
                        "signal failure",
                        0.6607,
                        word,
                        0.5311,
                        "central station",
                        0.4182,
                        "hours",
                        0.1772,
                        "follow",
                        0.1026,
                        "details",
                        0.0999),
                List.of(
                        "medieval shipwreck",
                        1.0,
                        "archaeologists found",
                        0.6564,
                        "old quay",
                        0.5055,
                        word,
                        0.4397,
                        "dredging",
                        0.3548,
                        "moorings",
                        0.2362,
                        "follow",
                        0.0849,
                        "details",
                        0.0827),
                List.of(
                        "regional hospital opened",
                        1.0,
                        "children's ward funded",
                        0.887,
                        word,
                        0.6897,
                        "local businesses",
                        0.3723,
                        "donations",
                        0.3506,
                        "follow",
                        0.1332,
                        "details",
                        0.1297));
        var desk = new ArrayList<ArticleEnriched>();
        for (int i = 0; i < titles.size(); i++) {
            var article = Articles.builder(
                            titles.get(i) + " " + word,
                            "Reporters following " + word + " said more details would follow.")
                    .publishedAt(PUBLISHED.minus(Duration.ofDays(2L * i)));
            var scored = keywords.get(i);
            for (int k = 0; k < scored.size(); k += 2) {
                article.keyword((String) scored.get(k), (Double) scored.get(k + 1));
            }
            if (i == 0) {
                article.places("Rotterdam").mentions("Rotterdam", 2);
            }
            desk.add(article.build());
        }
        return desk;
    }

    /** The index's story look-ups, counting the searches article by article and the reads of a window. */
    private static final class CountedLookups extends DelegatedLookups {

        private final AtomicInteger lookups = new AtomicInteger();
        private final AtomicInteger reads = new AtomicInteger();

        CountedLookups(StoredArticles stored) {
            super(stored);
        }

        @Override
        public List<List<StoredArticle>> like(List<Probe> probes) throws IOException {
            lookups.incrementAndGet();
            return stored.like(probes);
        }

        @Override
        public Optional<List<StoredArticle>> allWithin(Instant from, Instant to, Collection<String> except, int max)
                throws IOException {
            reads.incrementAndGet();
            return stored.allWithin(from, to, except, max);
        }
    }

    /** The index's look-ups as they are; the counting and checking look-ups above change one or two of them. */
    private abstract static class DelegatedLookups implements StoredArticles {

        final StoredArticles stored;

        DelegatedLookups(StoredArticles stored) {
            this.stored = stored;
        }

        @Override
        public List<List<StoredArticle>> like(List<Probe> probes) throws IOException {
            return stored.like(probes);
        }

        @Override
        public Optional<List<StoredArticle>> allWithin(Instant from, Instant to, Collection<String> except, int max)
                throws IOException {
            return stored.allWithin(from, to, except, max);
        }

        @Override
        public Map<String, String> mergedInto(Collection<String> storyIds) throws IOException {
            return stored.mergedInto(storyIds);
        }

        @Override
        public void merge(String from, String into) throws IOException {
            stored.merge(from, into);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static StoryAssigner live() {
        return assigner(index);
    }

    private static StoryAssigner assigner(ArticleIndex target) {
        return new StoryAssigner(
                target.stored(),
                StorySimilarity.DEFAULT,
                new StoryMerger(target.stored(), StorySimilarity.DEFAULT, Duration.ofMillis(1_500)));
    }

    private static Map<String, String> write(StoryAssigner assigner, ArticleEnriched article) throws IOException {
        var stories = assigner.assign(List.of(article));
        index.write(List.of(ArticleIndex.Indexable.of(article, stories.get(article.articleId()))));
        return stories;
    }

    /** Another warehouse fire, told with its own words, places and people. */
    private static ArticleEnriched elsewhere(String source, String title, String city, int minutesLater) {
        return Articles.builder(
                        title, "Smoke from the burning warehouse in the " + city + " docks covered the old town.")
                .source(source)
                .publishedAt(PUBLISHED.plus(Duration.ofMinutes(minutesLater)))
                .keyword("warehouse fire", 3.1)
                .keyword("smoke", 2.5)
                .keyword("old town", 2.3)
                .keyword("docks", 2.0)
                .places(city)
                .people("Joao Silva")
                .mentions(city, 3)
                .build();
    }

    private static ArticleEnriched fire(String source, String title, String city, String chief, int minutesLater) {
        return Articles.builder(title, "Firefighters fought the fire at the warehouse in " + city + " all night.")
                .source(source)
                .publishedAt(PUBLISHED.plus(Duration.ofMinutes(minutesLater)))
                .keyword("warehouse fire", 3.1)
                .keyword("firefighters", 2.2)
                .keyword(city.toLowerCase(), 2.0)
                .places(city)
                .people(chief)
                .organizations(city + " Fire Brigade")
                .mentions(city, 3)
                .build();
    }

    private static SearchProperties properties(String alias) {
        return new SearchProperties(
                new SearchProperties.Topics("stories-it.enriched", 1, (short) 1),
                new SearchProperties.Search(
                        new SearchProperties.Index(alias, 5),
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
