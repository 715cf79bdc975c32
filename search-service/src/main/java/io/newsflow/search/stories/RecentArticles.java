package io.newsflow.search.stories;

import io.newsflow.stories.ArticleFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The articles this instance assigned lately with their stories, and the ones other writers stored that it read
 * back from the index, found by a term or entity they share with an incoming one. Beyond its capacity the oldest is
 * forgotten first. Each entry has a sequence number, so that a later check can tell what arrived from other writers
 * after a given moment. Synchronized: the consumer threads share it.
 */
final class RecentArticles {

    private final int capacity;
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByFeature = new HashMap<>();
    private long sequence;

    RecentArticles(int capacity) {
        this.capacity = capacity;
    }

    /** An article this instance assigned. */
    synchronized void put(ArticleFeatures features, String storyId) {
        put(features, storyId, false);
    }

    /** Articles other writers stored, read back from the index. */
    synchronized void putStored(List<StoredArticles.StoredArticle> articles) {
        for (var article : articles) {
            put(article.features(), article.storyId(), true);
        }
    }

    private void put(ArticleFeatures features, String storyId, boolean stored) {
        var previous = byId.remove(features.id());
        if (previous != null) {
            forget(previous.article());
        }
        byId.put(features.id(), new Entry(new StoredArticles.StoredArticle(storyId, features), stored, ++sequence));
        features(features).forEach(feature -> idsByFeature
                .computeIfAbsent(feature, key -> new LinkedHashSet<>(2))
                .add(features.id()));
        if (byId.size() > capacity) {
            forget(byId.pollFirstEntry().getValue().article());
        }
    }

    /** The sequence number of the latest entry: what {@link #storedAfter} compares with. */
    synchronized long sequence() {
        return sequence;
    }

    /** Whether an article of another writer published within the window was read back after the given entry. */
    synchronized boolean storedAfter(long after, Instant from, Instant to) {
        return byId.values().stream()
                .anyMatch(entry -> entry.stored() && entry.sequence() > after && within(entry.article(), from, to));
    }

    /** The ids of the articles published within the window. */
    synchronized List<String> idsWithin(Instant from, Instant to) {
        return byId.values().stream()
                .map(Entry::article)
                .filter(article -> within(article, from, to))
                .map(article -> article.features().id())
                .toList();
    }

    /** Moves the recent articles of a merged story into the surviving one. */
    synchronized void merged(String from, String into) {
        byId.replaceAll((id, entry) -> entry.article().storyId().equals(from)
                ? new Entry(
                        new StoredArticles.StoredArticle(into, entry.article().features()),
                        entry.stored(),
                        entry.sequence())
                : entry);
    }

    synchronized List<StoredArticles.StoredArticle> sharingAFeature(List<ArticleFeatures> articles) {
        var found = new LinkedHashMap<String, StoredArticles.StoredArticle>();
        for (var article : articles) {
            features(article).forEach(feature -> {
                for (var id : idsByFeature.getOrDefault(feature, Set.of())) {
                    found.computeIfAbsent(id, key -> byId.get(key).article());
                }
            });
        }
        return new ArrayList<>(found.values());
    }

    private static boolean within(StoredArticles.StoredArticle article, Instant from, Instant to) {
        var time = article.features().time();
        return time != null && !time.isBefore(from) && !time.isAfter(to);
    }

    private static Stream<String> features(ArticleFeatures features) {
        return Stream.concat(features.entities().keySet().stream(), features.terms().keySet().stream());
    }

    private void forget(StoredArticles.StoredArticle article) {
        features(article.features()).forEach(feature -> {
            var ids = idsByFeature.get(feature);
            if (ids != null && ids.remove(article.features().id()) && ids.isEmpty()) {
                idsByFeature.remove(feature);
            }
        });
    }

    /** @param stored read back from the index, written by another writer */
    private record Entry(StoredArticles.StoredArticle article, boolean stored, long sequence) {}
}
