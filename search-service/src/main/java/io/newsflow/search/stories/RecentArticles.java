package io.newsflow.search.stories;

import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryClustering;
import io.newsflow.stories.StorySimilarity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The articles this instance assigned lately with their stories, and the ones other writers stored that it read
 * back from the index, held in one live {@link StoryClustering} that new articles are assigned against. Beyond its
 * capacity the oldest article is forgotten first, and the clustering forgets it too: it no longer draws articles into
 * its story. Only a cache: the stories are the index's, and an instance that starts empty fills it again from what
 * the index holds (see {@link StoryAssigner}). Each entry has a sequence number, so that a later check can tell what
 * arrived from other writers after a given moment. Synchronized: the consumer threads share it.
 */
final class RecentArticles {

    private final int capacity;
    private final StoryClustering clustering;
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
    private long sequence;

    RecentArticles(int capacity, StorySimilarity similarity) {
        this.capacity = capacity;
        this.clustering = new StoryClustering(similarity);
    }

    /** Puts a new article into its best remembered story, or a story of its own; one remembered keeps its story. */
    synchronized StoryClustering.Assignment assign(ArticleFeatures features) {
        var assignment = clustering.assign(features);
        if (!byId.containsKey(features.id())) {
            remember(features, false);
        }
        return assignment;
    }

    /** An article this instance put in a story it knew already. */
    synchronized void put(ArticleFeatures features, String storyId) {
        put(features, storyId, false);
    }

    /** Articles other writers stored, read back from the index. */
    synchronized void putStored(List<StoredArticles.StoredArticle> articles) {
        for (var article : articles) {
            put(article.features(), article.storyId(), true);
        }
    }

    /** Stored articles found like incoming ones, for those not remembered yet. */
    synchronized void putStoredIfAbsent(List<StoredArticles.StoredArticle> articles) {
        for (var article : articles) {
            if (!byId.containsKey(article.features().id())) {
                put(article.features(), article.storyId(), true);
            }
        }
    }

    private void put(ArticleFeatures features, String storyId, boolean stored) {
        clustering.seed(storyId, features);
        remember(features, stored);
    }

    private void remember(ArticleFeatures features, boolean stored) {
        byId.remove(features.id());
        byId.put(features.id(), new Entry(features, stored, ++sequence));
        if (byId.size() > capacity) {
            clustering.forget(byId.pollFirstEntry().getValue().features().id());
        }
    }

    /** The story the instance has the article in. */
    synchronized Optional<String> storyOf(String articleId) {
        return clustering.storyOf(articleId);
    }

    /** The sequence number of the latest entry: what {@link #storedAfter} compares with. */
    synchronized long sequence() {
        return sequence;
    }

    /** Whether an article of another writer published within the window was read back after the given entry. */
    synchronized boolean storedAfter(long after, Instant from, Instant to) {
        return byId.values().stream()
                .anyMatch(entry -> entry.stored() && entry.sequence() > after && within(entry.features(), from, to));
    }

    /** The ids of the articles published within the window. */
    synchronized List<String> idsWithin(Instant from, Instant to) {
        return byId.values().stream()
                .map(Entry::features)
                .filter(features -> within(features, from, to))
                .map(ArticleFeatures::id)
                .toList();
    }

    /** Moves the recent articles of a merged story into the surviving one. */
    synchronized void merged(String from, String into) {
        clustering.merge(from, into);
    }

    private static boolean within(ArticleFeatures features, Instant from, Instant to) {
        var time = features.time();
        return time != null && !time.isBefore(from) && !time.isAfter(to);
    }

    /** @param stored read back from the index, written by another writer */
    private record Entry(ArticleFeatures features, boolean stored, long sequence) {}
}
