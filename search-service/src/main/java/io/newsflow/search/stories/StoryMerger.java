package io.newsflow.search.stories;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryClustering;
import io.newsflow.stories.StoryProfile;
import io.newsflow.stories.StorySimilarity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the stories that two consumers (threads or instances) started for one event at the same moment, each not yet
 * seeing the other's article. Once the index has been refreshed, an article that started a story is looked up again:
 * when it now fits an older story (earlier first seen, then the smaller id), its story is merged into that one, as if
 * the article had arrived second. The younger side does it, so the two consumers never merge in opposite directions.
 * Best effort: a check still waiting when the instance stops is not made.
 */
public class StoryMerger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryMerger.class);

    private final StoredArticles live;
    private final StorySimilarity similarity;
    private final Duration delay;
    private final ScheduledExecutorService executor;
    private volatile BiConsumer<String, String> onMerge = (from, into) -> {};

    /** @param delay longer than the index's refresh interval, so that the look-up sees what others wrote */
    public StoryMerger(StoredArticles live, StorySimilarity similarity, Duration delay) {
        this.live = live;
        this.similarity = similarity;
        this.delay = delay;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("story-merges").daemon().factory());
    }

    void onMerge(BiConsumer<String, String> listener) {
        onMerge = listener;
    }

    /**
     * Checks the stories the articles started once the delay has passed, if by then {@code needed} says that another
     * writer may have started one of them too.
     */
    void checkLater(List<ArticleEnriched> started, Needed needed) {
        executor.schedule(
                () -> {
                    try {
                        if (needed.now()) {
                            check(started);
                        }
                    } catch (IOException | RuntimeException e) {
                        log.warn("Checking {} new stories for merges failed: {}", started.size(), e.toString());
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the check is worth its look-ups. */
    @FunctionalInterface
    interface Needed {
        boolean now() throws IOException;
    }

    /** Merges the story each article started into the older story it fits best now, if any. */
    void check(List<ArticleEnriched> started) throws IOException {
        var features = started.stream().map(ArticleFeatures::of).toList();
        var probes = new ArrayList<StoredArticles.Probe>();
        for (int i = 0; i < started.size(); i++) {
            probes.add(StoryAssigner.probe(started.get(i), features.get(i), similarity));
        }
        var found = live.like(probes);
        for (int i = 0; i < started.size(); i++) {
            var article = features.get(i);
            var stored = found.get(i);
            var pointers = Pointers.resolve(
                    live,
                    stored.stream()
                            .map(StoredArticles.StoredArticle::storyId)
                            .filter(id -> id != null)
                            .toList());
            var own = pointers.getOrDefault(article.id(), article.id());
            var clustering = new StoryClustering(similarity);
            var seeded = new HashSet<String>();
            for (var candidate : stored) {
                if (candidate.storyId() != null
                        && !candidate.features().id().equals(article.id())
                        && seeded.add(candidate.features().id())) {
                    clustering.seed(
                            pointers.getOrDefault(candidate.storyId(), candidate.storyId()), candidate.features());
                }
            }
            var ownStory = new StoryProfile(own);
            ownStory.add(article);
            stored.stream()
                    .filter(candidate -> own.equals(pointers.getOrDefault(candidate.storyId(), candidate.storyId())))
                    .forEach(candidate -> ownStory.add(candidate.features()));
            var older = clustering.matching(article).stream()
                    .filter(story -> !story.id().equals(own) && story.olderThan(ownStory))
                    .findFirst();
            if (older.isPresent()) {
                log.info(
                        "Story {} started at the same time as the older {}: merged into it",
                        own,
                        older.get().id());
                live.merge(own, older.get().id());
                onMerge.accept(own, older.get().id());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
