package io.newsflow.stories;

import java.util.HashMap;
import java.util.Map;

/** Sparse vectors as maps from feature to weight. */
final class Vectors {

    private Vectors() {}

    static Map<String, Double> normalised(Map<String, Double> vector) {
        var norm = norm(vector);
        if (norm == 0) {
            return Map.of();
        }
        var result = new HashMap<String, Double>(vector.size() * 2);
        vector.forEach((key, value) -> result.put(key, value / norm));
        return result;
    }

    static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (var value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** The dot product; iterates over the smaller map. */
    static double dot(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            return dot(b, a);
        }
        double sum = 0;
        for (var entry : a.entrySet()) {
            var other = b.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }

    static double cosine(Map<String, Double> a, double normA, Map<String, Double> b, double normB) {
        if (normA == 0 || normB == 0) {
            return 0;
        }
        return dot(a, b) / (normA * normB);
    }
}
