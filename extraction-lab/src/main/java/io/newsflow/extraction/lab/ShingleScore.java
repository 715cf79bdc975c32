package io.newsflow.extraction.lab;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric (its evaluate.py): tokens are {@code \w+} (Unicode), shingles are 4-token
 * windows (a text of fewer tokens is one shorter shingle), true/false positives and negatives are counted over the
 * shingle multisets of one page and normalised to sum 1, precision and recall are the means over pages, F1 their
 * harmonic mean.
 */
record ShingleScore(double tp, double fp, double fn) {

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    static ShingleScore of(String gold, String predicted) {
        var goldShingles = shingles(gold);
        var predictedShingles = shingles(predicted);
        var keys = new HashSet<>(goldShingles.keySet());
        keys.addAll(predictedShingles.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (var key : keys) {
            int inGold = goldShingles.getOrDefault(key, 0);
            int inPredicted = predictedShingles.getOrDefault(key, 0);
            tp += Math.min(inGold, inPredicted);
            fp += Math.max(0, inPredicted - inGold);
            fn += Math.max(0, inGold - inPredicted);
        }
        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleScore(tp / sum, fp / sum, fn / sum) : new ShingleScore(0, 0, 0);
    }

    double precision() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp + fp == 0 ? 0 : tp / (tp + fp);
    }

    double recall() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp + fn == 0 ? 0 : tp / (tp + fn);
    }

    double f1() {
        var p = precision();
        var r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Precision and recall averaged over pages (pages with nothing predicted, or nothing to find, left out). */
    record Summary(double precision, double recall, int pages) {

        static Summary of(List<ShingleScore> scores) {
            var precision = scores.stream()
                    .filter(s -> s.tp + s.fp > 0)
                    .mapToDouble(ShingleScore::precision)
                    .average()
                    .orElse(0);
            var recall = scores.stream()
                    .filter(s -> s.tp + s.fn > 0)
                    .mapToDouble(ShingleScore::recall)
                    .average()
                    .orElse(0);
            return new Summary(precision, recall, scores.size());
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private static Map<String, Integer> shingles(String text) {
        var tokens = TOKEN.matcher(text == null ? "" : text)
                .results()
                .map(m -> m.group())
                .toList();
        var shingles = new HashMap<String, Integer>();
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            var shingle = String.join("\u0000", tokens.subList(i, Math.min(tokens.size(), i + N)));
            if (!tokens.isEmpty()) {
                shingles.merge(shingle, 1, Integer::sum);
            }
        }
        return shingles;
    }
}
