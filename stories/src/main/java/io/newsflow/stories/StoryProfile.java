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
        article.terms().forEach((term, weight) -> terms.merge(term, weight, Double::sum));
        article.entities().forEach((entity, weight) -> entities.merge(entity, weight, Double::sum));
        if (terms.size() > MAX_TERMS * 2) {
            terms = terms.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_TERMS)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new));
        }
        termNorm = Vectors.norm(terms);
        entityNorm = Vectors.norm(entities);
        var time = article.time();
        if (time != null) {
            firstSeen = firstSeen == null || time.isBefore(firstSeen) ? time : firstSeen;
            lastSeen = lastSeen == null || time.isAfter(lastSeen) ? time : lastSeen;
        }
        count++;
    }

    double termCosine(ArticleFeatures article) {
        return Vectors.cosine(article.terms(), 1, terms, termNorm)
                * (article.terms().isEmpty() ? 0 : 1);
    }

    double entityCosine(ArticleFeatures article) {
        return Vectors.cosine(article.entities(), 1, entities, entityNorm)
                * (article.entities().isEmpty() ? 0 : 1);
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
