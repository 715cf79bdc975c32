package io.newsflow.enrich.lab.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ROUGE-1, ROUGE-2 (clipped n-gram overlap) and ROUGE-L (longest common subsequence) F1 of a candidate summary
 * against one reference, over lower-cased words without stemming or stopword removal.
 */
final class Rouge {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    record Scores(double rouge1, double rouge2, double rougeL) {}

    private Rouge() {}

    static Scores score(String candidate, String reference) {
        var c = words(candidate);
        var r = words(reference);
        return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), lcsF1(c, r));
    }

    static List<String> words(String text) {
        var words = new ArrayList<String>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static double ngramF1(List<String> candidate, List<String> reference, int n) {
        var candidateCounts = ngrams(candidate, n);
        var referenceCounts = ngrams(reference, n);
        int overlap = 0;
        for (var entry : candidateCounts.entrySet()) {
            overlap += Math.min(entry.getValue(), referenceCounts.getOrDefault(entry.getKey(), 0));
        }
        return f1(overlap, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    private static Map<String, Integer> ngrams(List<String> words, int n) {
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static double lcsF1(List<String> candidate, List<String> reference) {
        var previous = new int[reference.size() + 1];
        var current = new int[reference.size() + 1];
        for (var word : candidate) {
            for (int j = 1; j <= reference.size(); j++) {
                current[j] =
                        word.equals(reference.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return f1(previous[reference.size()], candidate.size(), reference.size());
    }

    private static double f1(int overlap, int candidateTotal, int referenceTotal) {
        if (overlap == 0 || candidateTotal == 0 || referenceTotal == 0) {
            return 0;
        }
        double precision = (double) overlap / candidateTotal;
        double recall = (double) overlap / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
