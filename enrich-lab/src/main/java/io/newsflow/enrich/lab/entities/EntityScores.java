package io.newsflow.enrich.lab.entities;

import io.newsflow.enrich.entities.NameParticles;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;

/** Entity-level precision, recall and F1 by conlleval's rules: a prediction counts only with its exact span and type. */
final class EntityScores {

    static final List<String> TYPES = List.of("PER", "ORG", "LOC");
    static final String OVERALL = "PER+ORG+LOC";

    private final Map<String, int[]> counts = new TreeMap<>();
    private long tokens;
    private long taggingNanos;

    record Score(double precision, double recall, double f1, int gold, int predicted, int correct) {}

    static EntityScores of(TokenNameFinder finder, List<ConllCorpus.Sentence> sentences) {
        var scores = new EntityScores();
        for (var sentence : sentences) {
            if (sentence.documentStart()) {
                finder.clearAdaptiveData();
            }
            String[] tokens = sentence.tokenArray();
            long start = System.nanoTime();
            Span[] predicted = finder.find(tokens);
            scores.taggingNanos += System.nanoTime() - start;
            scores.tokens += tokens.length;
            scores.add(ConllCorpus.chunks(sentence.tags()), List.of(predicted));
        }
        return scores;
    }

    /**
     * As {@link #of}, with the extractor's article-level corrections ({@link NameParticles#correctArticle}) applied to
     * each CoNLL document, as the extractor applies them to each article.
     */
    static EntityScores ofArticles(TokenNameFinder finder, List<ConllCorpus.Sentence> sentences) {
        var scores = new EntityScores();
        int start = 0;
        for (int i = 1; i <= sentences.size(); i++) {
            if (i == sentences.size() || sentences.get(i).documentStart()) {
                var document = sentences.subList(start, i);
                finder.clearAdaptiveData();
                var tokens =
                        document.stream().map(ConllCorpus.Sentence::tokenArray).toList();
                var spans = tokens.stream().map(t -> List.of(finder.find(t))).toList();
                var corrected = NameParticles.correctArticle(tokens, spans);
                for (int s = 0; s < document.size(); s++) {
                    scores.add(ConllCorpus.chunks(document.get(s).tags()), corrected.get(s));
                }
                start = i;
            }
        }
        return scores;
    }

    void add(List<Span> gold, List<Span> predicted) {
        var goldSet = new HashSet<Span>();
        for (Span span : gold) {
            if (TYPES.contains(span.getType())) {
                goldSet.add(span);
                count(span.getType())[0]++;
            }
        }
        for (Span span : predicted) {
            if (TYPES.contains(span.getType())) {
                count(span.getType())[1]++;
                if (goldSet.contains(span)) {
                    count(span.getType())[2]++;
                }
            }
        }
    }

    private int[] count(String type) {
        return counts.computeIfAbsent(type, t -> new int[3]);
    }

    Score score(String type) {
        int[] c = new int[3];
        for (var entry : counts.entrySet()) {
            if (type.equals(OVERALL) || type.equals(entry.getKey())) {
                for (int i = 0; i < 3; i++) {
                    c[i] += entry.getValue()[i];
                }
            }
        }
        double precision = c[1] == 0 ? 0 : (double) c[2] / c[1];
        double recall = c[0] == 0 ? 0 : (double) c[2] / c[0];
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, c[0], c[1], c[2]);
    }

    double tokensPerSecond() {
        return taggingNanos == 0 ? 0 : tokens * 1e9 / taggingNanos;
    }

    /** One line per type: precision, recall and F1. */
    String table(String indent) {
        var text = new StringBuilder();
        for (String type : List.of("PER", "ORG", "LOC", OVERALL)) {
            var s = score(type);
            text.append(String.format(
                    Locale.ROOT,
                    "%s%-12s P %.4f  R %.4f  F1 %.4f  (gold %d, predicted %d, correct %d)%n",
                    indent,
                    type,
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.gold(),
                    s.predicted(),
                    s.correct()));
        }
        return text.toString();
    }
}
