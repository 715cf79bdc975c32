package io.newsflow.enrich.lab.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The same online clustering on sentence embeddings: an article joins the story whose centroid (the sum of its
 * articles' unit embeddings) is nearest by cosine, when that reaches the threshold and the story is within the window.
 */
final class EmbeddingClustering {

    private EmbeddingClustering() {}

    static List<String> cluster(List<String> ids, List<float[]> vectors, List<Instant> times, double threshold) {
        var window = Duration.ofDays(3);
        var centroids = new ArrayList<float[]>();
        var storyIds = new ArrayList<String>();
        var lastSeen = new ArrayList<Instant>();
        var firstSeen = new ArrayList<Instant>();
        var assigned = new ArrayList<String>();
        for (int i = 0; i < ids.size(); i++) {
            var vector = vectors.get(i);
            var time = times.get(i);
            int best = -1;
            double bestScore = threshold;
            for (int s = 0; s < centroids.size(); s++) {
                if (time != null
                        && lastSeen.get(s) != null
                        && (Duration.between(lastSeen.get(s), time).compareTo(window) > 0
                                || Duration.between(time, firstSeen.get(s)).compareTo(window) > 0)) {
                    continue;
                }
                var score = cosine(vector, centroids.get(s));
                if (score >= bestScore && (best < 0 || score > bestScore)) {
                    best = s;
                    bestScore = score;
                }
            }
            if (best < 0) {
                centroids.add(vector.clone());
                storyIds.add(ids.get(i));
                firstSeen.add(time);
                lastSeen.add(time);
                assigned.add(ids.get(i));
            } else {
                var centroid = centroids.get(best);
                for (int d = 0; d < centroid.length; d++) {
                    centroid[d] += vector[d];
                }
                if (time != null) {
                    if (lastSeen.get(best) == null || time.isAfter(lastSeen.get(best))) {
                        lastSeen.set(best, time);
                    }
                    if (firstSeen.get(best) == null || time.isBefore(firstSeen.get(best))) {
                        firstSeen.set(best, time);
                    }
                }
                assigned.add(storyIds.get(best));
            }
        }
        return assigned;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
