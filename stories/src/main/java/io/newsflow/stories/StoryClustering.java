package io.newsflow.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Online story clustering: each article, in the order given, joins the story it fits best (see {@link StorySimilarity})
 * or starts one named by its id. Stories are compared only with articles that share a term or an entity with them
 * (an inverted index), which is also what a look-up of candidate stories in an index does. Deterministic: the same
 * stories and articles in the same order give the same assignments; ties go to the older story. Not thread-safe.
 */
public final class StoryClustering {

    private final StorySimilarity similarity;
    private final Map<String, StoryProfile> stories = new LinkedHashMap<>();
    private final Map<String, Set<String>> storiesByFeature = new HashMap<>();
    private final Map<String, String> storyByArticle = new HashMap<>();

    public StoryClustering(StorySimilarity similarity) {
        this.similarity = similarity;
    }

    /** Adds an article that is in a story already (a stored one, or one whose story is known). */
    public void seed(String storyId, ArticleFeatures article) {
        var story = stories.computeIfAbsent(storyId, StoryProfile::new);
        story.add(article);
        index(story, article);
        storyByArticle.put(article.id(), storyId);
    }

    public Optional<String> storyOf(String articleId) {
        return Optional.ofNullable(storyByArticle.get(articleId));
    }

    public Optional<StoryProfile> story(String storyId) {
        return Optional.ofNullable(stories.get(storyId));
    }

    public Collection<StoryProfile> stories() {
        return stories.values();
    }

    /**
     * Puts the article in its best story, or in a new one named by its id; an article met before keeps its story.
     */
    public Assignment assign(ArticleFeatures article) {
        var known = storyByArticle.get(article.id());
        if (known != null) {
            return new Assignment(known, false, List.of());
        }
        var matching = matching(article);
        if (matching.isEmpty()) {
            seed(article.id(), article);
            return new Assignment(article.id(), true, List.of());
        }
        var best = matching.getFirst();
        seed(best.id(), article);
        var others = matching.subList(1, matching.size()).stream()
                .map(StoryProfile::id)
                .toList();
        return new Assignment(best.id(), false, others);
    }

    /** The stories the article would join, best first (ties: the older first). */
    public List<StoryProfile> matching(ArticleFeatures article) {
        // The dot products summed over the inverted index: only the features a story shares with the article are
        // looked at, not every feature of every story that shares one.
        var dots = new LinkedHashMap<String, double[]>();
        article.terms().forEach((feature, weight) -> {
            for (var id : storiesByFeature.getOrDefault(feature, Set.of())) {
                var shared = stories.get(id).termWeight(feature);
                var dot = dots.computeIfAbsent(id, key -> new double[2]);
                dot[0] += weight * shared;
            }
        });
        article.entities().forEach((feature, weight) -> {
            for (var id : storiesByFeature.getOrDefault(feature, Set.of())) {
                var shared = stories.get(id).entityWeight(feature);
                var dot = dots.computeIfAbsent(id, key -> new double[2]);
                dot[1] += weight * shared;
            }
        });
        var scored = new ArrayList<Scored>();
        for (var candidate : dots.entrySet()) {
            var story = stories.get(candidate.getKey());
            if (!similarity.withinWindow(article, story)) {
                continue;
            }
            var score = similarity.score(
                    article, story, candidate.getValue()[0], candidate.getValue()[1]);
            if (score >= similarity.threshold()) {
                scored.add(new Scored(story, score));
            }
        }
        scored.sort((a, b) -> a.score() != b.score()
                ? Double.compare(b.score(), a.score())
                : a.story().olderThan(b.story()) ? -1 : 1);
        return scored.stream().map(Scored::story).toList();
    }

    private void index(StoryProfile story, ArticleFeatures article) {
        for (var feature : article.terms().keySet()) {
            storiesByFeature
                    .computeIfAbsent(feature, key -> new LinkedHashSet<>())
                    .add(story.id());
        }
        for (var feature : article.entities().keySet()) {
            storiesByFeature
                    .computeIfAbsent(feature, key -> new LinkedHashSet<>())
                    .add(story.id());
        }
    }

    /**
     * @param started whether the article started a story of its own
     * @param alsoMatching other stories the article fits above the threshold: candidates for a merge
     */
    public record Assignment(String storyId, boolean started, List<String> alsoMatching) {}

    private record Scored(StoryProfile story, double score) {}
}
