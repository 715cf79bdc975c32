package io.newsflow.search.stories;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryClustering;
import io.newsflow.stories.StorySimilarity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each article into the story of its event (see {@link StoryClustering} for the representation and the
 * similarity). Live, articles are assigned against one clustering per instance that lasts (see {@link RecentArticles}):
 * the articles this instance assigned lately and the ones other writers stored that it read back, the oldest
 * forgotten first. It is a cache of the index, which all instances share: the window's stored articles it lacks are
 * read in before a batch (after a start, all of them), or, when the index holds more than a few of them, the stored
 * articles most like each incoming one (see {@link StoredArticles#like}); then the batch in order, so that its later
 * articles may join the stories its earlier ones started. A rebuild clusters each batch in a clustering of its own,
 * seeded from the target index. An article keeps the story it has. Stories started here are checked again once the index shows what
 * other instances wrote meanwhile, if they wrote within the window (see {@link StoryMerger}): two instances that
 * started one event's story at the same moment end with the older id.
 */
public class StoryAssigner {

    private static final Logger log = LoggerFactory.getLogger(StoryAssigner.class);

    // More than a busy desk's articles within a window (3 days either side), so that the memory holds them all.
    private static final int RECENT = 10_000;
    // Beyond this many stored articles of a batch's window unknown to the memory (after a restart, say), candidates
    // are looked up article by article.
    private static final int MAX_UNSEEN = 2_000;

    private final StoredArticles live;
    private final StorySimilarity similarity;
    private final StoryMerger merger;

    // The live clustering: a search sees the articles this instance indexed only after the next refresh, and the
    // articles of one story often arrive within a second of each other.
    private final RecentArticles recent;

    /**
     * @param live the articles searches see, where live indexing writes
     * @param merger checks the stories started live again later
     */
    public StoryAssigner(StoredArticles live, StorySimilarity similarity, StoryMerger merger) {
        this.live = live;
        this.similarity = similarity;
        this.merger = merger;
        this.recent = new RecentArticles(RECENT, similarity);
        merger.onMerge(recent::merged);
        // What a service log says it ran with: a service jar left from an older build once ran the dashboard's
        // end-to-end tests with another threshold and window, and its stories were taken for a clustering bug.
        log.info(
                "Stories: an article joins a story at similarity {} or more (terms {}, entities {}), a headline alone at {}"
                        + " (terms {}, entities {}), within {} of it",
                similarity.threshold(),
                similarity.termWeight(),
                similarity.entityWeight(),
                similarity.headline().threshold(),
                similarity.headline().termWeight(),
                similarity.headline().entityWeight(),
                similarity.window());
    }

    /** The story of each article of a batch indexed live, by article id. */
    public Map<String, String> assign(List<ArticleEnriched> events) throws IOException {
        return assign(events, live, Map.of(), true);
    }

    /**
     * The stories of a batch written to an index being rebuilt, by article id.
     *
     * @param known the story each article already has (a rebuild keeps the stories of the old index, whatever order
     *     the replay meets the articles in)
     */
    public Map<String, String> assign(List<ArticleEnriched> events, StoredArticles target, Map<String, String> known)
            throws IOException {
        return assign(events, target, known, false);
    }

    private Map<String, String> assign(
            List<ArticleEnriched> events, StoredArticles target, Map<String, String> known, boolean isLive)
            throws IOException {
        var features = events.stream().map(ArticleFeatures::of).toList();
        var probes = new ArrayList<StoredArticles.Probe>();
        for (int i = 0; i < events.size(); i++) {
            if (!known.containsKey(events.get(i).articleId())) {
                probes.add(probe(events.get(i), features.get(i), similarity));
            }
        }
        // Live, the articles this instance remembers are often all the index holds within the batch's window: then
        // what is missing from them is read in one search, instead of looking up candidates article by article.
        var window = window(probes);
        var complete = isLive && window.isPresent() && readBackUnseen(window.get());
        var stored = probes.isEmpty() || complete ? List.<List<StoredArticles.StoredArticle>>of() : target.like(probes);
        var pointers = Pointers.resolve(
                target,
                stored.stream()
                        .flatMap(List::stream)
                        .map(StoredArticles.StoredArticle::storyId)
                        .filter(id -> id != null)
                        .toList());
        if (!isLive) {
            return cluster(events, features, known, stored, pointers).stories();
        }
        // One batch at a time per instance: its consumers see each other's articles, so only another instance can
        // start a story this one does not know of (see StoryMerger).
        Clustered clustered;
        synchronized (recent) {
            recent.putStoredIfAbsent(stored.stream()
                    .flatMap(List::stream)
                    .filter(article -> article.storyId() != null)
                    .map(article -> new StoredArticles.StoredArticle(
                            pointers.getOrDefault(article.storyId(), article.storyId()), article.features()))
                    .toList());
            clustered = clusterLive(events, features, known);
        }
        if (!clustered.started().isEmpty()) {
            var seen = clustered.seen();
            var started = clustered.started();
            merger.checkLater(started, () -> othersStoredSince(seen, started));
        }
        return clustered.stories();
    }

    /** Assigns the batch in order against the instance's live clustering, which keeps what it learns. */
    private Clustered clusterLive(
            List<ArticleEnriched> events, List<ArticleFeatures> features, Map<String, String> known) {
        var seen = recent.sequence();
        var stories = new HashMap<String, String>();
        var started = new ArrayList<ArticleEnriched>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            String story;
            if (known.containsKey(event.articleId())) {
                story = known.get(event.articleId());
                recent.put(features.get(i), story);
            } else {
                var assignment = recent.assign(features.get(i));
                story = assignment.storyId();
                if (assignment.started()) {
                    started.add(event);
                }
            }
            stories.put(event.articleId(), story);
        }
        return new Clustered(stories, started, seen);
    }

    /** Assigns a batch of a rebuild in a clustering of its own, seeded with the target index's candidates. */
    private Clustered cluster(
            List<ArticleEnriched> events,
            List<ArticleFeatures> features,
            Map<String, String> known,
            List<List<StoredArticles.StoredArticle>> stored,
            Map<String, String> pointers) {
        var clustering = new StoryClustering(similarity);
        var seeded = new HashSet<String>();
        stored.stream().flatMap(List::stream).forEach(article -> {
            if (article.storyId() != null && seeded.add(article.features().id())) {
                clustering.seed(pointers.getOrDefault(article.storyId(), article.storyId()), article.features());
            }
        });
        var stories = new HashMap<String, String>();
        var started = new ArrayList<ArticleEnriched>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var article = features.get(i);
            String story;
            if (known.containsKey(event.articleId())) {
                story = known.get(event.articleId());
                clustering.seed(story, article);
            } else {
                var assignment = clustering.assign(article);
                story = assignment.storyId();
                if (assignment.started()) {
                    started.add(event);
                }
            }
            stories.put(event.articleId(), story);
        }
        return new Clustered(stories, started, recent.sequence());
    }

    /**
     * Reads the stored articles of the window this instance does not remember into its memory, when they are few.
     *
     * @return whether the memory now holds every stored article of the window
     */
    private boolean readBackUnseen(Window window) throws IOException {
        var unseen =
                live.allWithin(window.from(), window.to(), recent.idsWithin(window.from(), window.to()), MAX_UNSEEN);
        if (unseen.isEmpty()) {
            return false;
        }
        var articles = unseen.get().stream().filter(a -> a.storyId() != null).toList();
        if (!articles.isEmpty()) {
            var pointers = Pointers.resolve(
                    live,
                    articles.stream().map(StoredArticles.StoredArticle::storyId).toList());
            recent.putStored(articles.stream()
                    .map(a -> new StoredArticles.StoredArticle(
                            pointers.getOrDefault(a.storyId(), a.storyId()), a.features()))
                    .toList());
        }
        return true;
    }

    /**
     * Whether another writer stored an article of the started ones' window that this instance had not seen when it
     * assigned them: only then may one of their stories be another's too.
     */
    private boolean othersStoredSince(long seen, List<ArticleEnriched> started) throws IOException {
        var window = window(started.stream()
                .map(event -> probe(event, ArticleFeatures.of(event), similarity))
                .toList());
        if (window.isEmpty()) {
            return true;
        }
        return !readBackUnseen(window.get())
                || recent.storedAfter(seen, window.get().from(), window.get().to());
    }

    /** The span of the probes' windows; none when an article has no time. */
    private static Optional<Window> window(List<StoredArticles.Probe> probes) {
        if (probes.isEmpty() || probes.stream().anyMatch(p -> p.from() == null || p.to() == null)) {
            return Optional.empty();
        }
        var from = probes.stream()
                .map(StoredArticles.Probe::from)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        var to = probes.stream()
                .map(StoredArticles.Probe::to)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return Optional.of(new Window(from, to));
    }

    private record Window(Instant from, Instant to) {}

    /** @param seen the memory's sequence number when the batch was clustered */
    private record Clustered(Map<String, String> stories, List<ArticleEnriched> started, long seen) {}

    static StoredArticles.Probe probe(ArticleEnriched event, ArticleFeatures features, StorySimilarity similarity) {
        var enrichment = event.enrichment();
        var time = features.time();
        return new StoredArticles.Probe(
                event.articleId(),
                event.article().title(),
                enrichment.keywords().stream().map(Enrichment.Keyword::term).toList(),
                Stream.of(enrichment.people(), enrichment.organizations(), enrichment.places())
                        .flatMap(List::stream)
                        .map(Enrichment.Entity::name)
                        .toList(),
                time.minus(similarity.window()),
                time.plus(similarity.window()));
    }
}
