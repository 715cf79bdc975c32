package io.newsflow.search.stories;

import io.newsflow.stories.ArticleFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The articles this instance assigned lately with their stories, found by a term or entity they share with an
 * incoming one. Beyond its capacity the oldest is forgotten first. Synchronized: the consumer threads share it.
 */
final class RecentArticles {

    private final int capacity;
    private final LinkedHashMap<String, StoredArticles.StoredArticle> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByFeature = new HashMap<>();

    RecentArticles(int capacity) {
        this.capacity = capacity;
    }

    synchronized void put(ArticleFeatures features, String storyId) {
        var previous = byId.remove(features.id());
        if (previous != null) {
            forget(previous);
        }
        byId.put(features.id(), new StoredArticles.StoredArticle(storyId, features));
        features(features).forEach(feature -> idsByFeature
                .computeIfAbsent(feature, key -> new LinkedHashSet<>(2))
                .add(features.id()));
        if (byId.size() > capacity) {
            forget(byId.pollFirstEntry().getValue());
        }
    }

    /** Moves the recent articles of a merged story into the surviving one. */
    synchronized void merged(String from, String into) {
        byId.replaceAll((id, article) ->
                article.storyId().equals(from) ? new StoredArticles.StoredArticle(into, article.features()) : article);
    }

    synchronized List<StoredArticles.StoredArticle> sharingAFeature(List<ArticleFeatures> articles) {
        var found = new LinkedHashMap<String, StoredArticles.StoredArticle>();
        for (var article : articles) {
            features(article).forEach(feature -> {
                for (var id : idsByFeature.getOrDefault(feature, Set.of())) {
                    found.putIfAbsent(id, byId.get(id));
                }
            });
        }
        return new ArrayList<>(found.values());
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
}
