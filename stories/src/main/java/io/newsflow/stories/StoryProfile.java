package io.newsflow.stories;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A story as the clustering compares it with articles: the sum of its articles' term and entity vectors (the
 * centroid, cut to its {@value #MAX_TERMS} heaviest terms so that a big story stays cheap), when it was first and last
 * seen, and how many articles it has. Not thread-safe: each assignment works on profiles of its own.
 */
public final class StoryProfile {

    static final int MAX_TERMS = 200;

    private final String id;
    private Map<String, Double> terms = new HashMap<>();
    private final Map<String, Double> entities = new HashMap<>();
    private double termNorm;
    private double entityNorm;
    private double termSquares;
    private double entitySquares;
    private Instant firstSeen;
    private Instant lastSeen;
    private int count;

    public StoryProfile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public int count() {
        return count;
    }

    /** The story's heaviest terms and entities, the features a look-up of candidate stories matches on. */
    public Set<String> features() {
        var features = terms.keySet().stream().collect(Collectors.toSet());
        features.addAll(entities.keySet());
        return features;
    }

    public void add(ArticleFeatures article) {
        // the squared norms kept up to date term by term: a big story's norm is not summed again for each article
        for (var term : article.terms().entrySet()) {
            termSquares += grow(terms, term.getKey(), term.getValue());
        }
        for (var entity : article.entities().entrySet()) {
            entitySquares += grow(entities, entity.getKey(), entity.getValue());
        }
        if (terms.size() > MAX_TERMS * 2) {
            terms = terms.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_TERMS)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new));
            var norm = Vectors.norm(terms);
            termSquares = norm * norm;
        }
        termNorm = Math.sqrt(termSquares);
        entityNorm = Math.sqrt(entitySquares);
        seen(article.time());
        count++;
    }

    /**
     * Takes an article's weights out again, so that forgetting an old article costs its own features, not a rebuild
     * from every article left (a story of thousands of copies made each eviction a rebuild of thousands). A term the
     * cut to the heaviest terms has dropped stays dropped; one whose weight falls to nothing goes. The norms are summed
     * anew from what is left, so that no rounding of the running sums builds up; the times are those of the articles
     * left.
     */
    void remove(ArticleFeatures article, Iterable<ArticleFeatures> left) {
        for (var term : article.terms().entrySet()) {
            shrink(terms, term.getKey(), term.getValue());
        }
        for (var entity : article.entities().entrySet()) {
            shrink(entities, entity.getKey(), entity.getValue());
        }
        termNorm = Vectors.norm(terms);
        entityNorm = Vectors.norm(entities);
        termSquares = termNorm * termNorm;
        entitySquares = entityNorm * entityNorm;
        firstSeen = null;
        lastSeen = null;
        for (var other : left) {
            seen(other.time());
        }
        count--;
    }

    /** Widens the story's time span to an article's time, if it has one. */
    private void seen(Instant time) {
        if (time != null) {
            firstSeen = firstSeen == null || time.isBefore(firstSeen) ? time : firstSeen;
            lastSeen = lastSeen == null || time.isAfter(lastSeen) ? time : lastSeen;
        }
    }

    double termWeight(String term) {
        return terms.getOrDefault(term, 0.0);
    }

    double entityWeight(String entity) {
        return entities.getOrDefault(entity, 0.0);
    }

    /** The cosine with a normalised vector whose dot product with the story's terms is given. */
    double termCosine(double dot) {
        return termNorm == 0 ? 0 : dot / termNorm;
    }

    double entityCosine(double dot) {
        return entityNorm == 0 ? 0 : dot / entityNorm;
    }

    double termCosine(ArticleFeatures article) {
        return Vectors.cosine(article.terms(), 1, terms, termNorm)
                * (article.terms().isEmpty() ? 0 : 1);
    }

    double entityCosine(ArticleFeatures article) {
        return Vectors.cosine(article.entities(), 1, entities, entityNorm)
                * (article.entities().isEmpty() ? 0 : 1);
    }

    /** Adds the weight to the feature; returns by how much the sum of squares grew. */
    private static double grow(Map<String, Double> vector, String feature, double weight) {
        var before = vector.getOrDefault(feature, 0.0);
        var after = before + weight;
        vector.put(feature, after);
        return after * after - before * before;
    }

    // Below this a weight is what subtraction leaves of an article's own, not a feature of the story.
    private static final double NOTHING = 1e-9;

    private static void shrink(Map<String, Double> vector, String feature, double weight) {
        var before = vector.get(feature);
        if (before == null) {
            return;
        }
        var after = before - weight;
        if (after <= NOTHING) {
            vector.remove(feature);
        } else {
            vector.put(feature, after);
        }
    }

    /** Whether this story started before the other: earlier first seen, then the smaller id. */
    public boolean olderThan(StoryProfile other) {
        if (firstSeen != null && other.firstSeen != null && !firstSeen.equals(other.firstSeen)) {
            return firstSeen.isBefore(other.firstSeen);
        }
        if (firstSeen != null && other.firstSeen == null) {
            return true;
        }
        if (firstSeen == null && other.firstSeen != null) {
            return false;
        }
        return id.compareTo(other.id) < 0;
    }
}
