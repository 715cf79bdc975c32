package io.newsflow.enrich.summary;

import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Extractive summaries. Every real sentence (not a heading, a list fragment or a one-liner) scores by how central it
 * is to the article (cosine similarity of its stems to the article's stem frequencies), how much it shares with the
 * headline, and where it stands (news puts the essentials first). The lede is the first real sentence; the summary
 * is the best-scoring sentences, shown in article order, whole, within a character budget.
 */
@Component
public class Summarizer {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’»)]*$");
    private static final int MIN_WORDS = 6;

    /** Weights of the three signals; measured on the BBC summaries with {@code ./newsflow eval}. */
    record Weights(double centrality, double headline, double position) {
        static final Weights DEFAULT = new Weights(1.0, 0.3, 0.3);
    }

    public record Summary(String lede, List<String> sentences) {
        public String text() {
            return String.join(" ", sentences);
        }
    }

    private final Weights weights;

    Summarizer() {
        this(Weights.DEFAULT);
    }

    Summarizer(Weights weights) {
        this.weights = weights;
    }

    /**
     * @param maxSentences at most this many sentences (at least two are returned where the article has them, even
     *     if two do not fit the budget)
     * @param characterBudget the summary's length in characters, sentences joined by one space
     */
    public Summary summarize(
            String title, List<String> sentences, TermAnalyzer analyzer, int maxSentences, int characterBudget) {
        var eligible = eligible(sentences);
        if (eligible.isEmpty()) {
            return new Summary(
                    sentences.isEmpty() ? null : sentences.getFirst(),
                    List.copyOf(sentences.subList(0, Math.min(2, sentences.size()))));
        }
        var ranked = rank(title, sentences, eligible, analyzer);
        var chosen = new ArrayList<Integer>();
        int length = 0;
        for (var index : ranked) {
            if (chosen.size() == maxSentences) {
                break;
            }
            int added = sentences.get(index).length() + (chosen.isEmpty() ? 0 : 1);
            if (length + added <= characterBudget
                    || chosen.size() < 2 && fitsNoShorter(sentences, ranked, chosen, index)) {
                chosen.add(index);
                length += added;
            }
        }
        chosen.sort(Comparator.naturalOrder());
        return new Summary(
                sentences.get(eligible.getFirst()),
                chosen.stream().map(sentences::get).toList());
    }

    /** The indices of the {@code count} best sentences in article order, without a budget (for evaluation). */
    public List<Integer> select(String title, List<String> sentences, TermAnalyzer analyzer, int count) {
        var eligible = eligible(sentences);
        var ranked = rank(
                title,
                sentences,
                eligible.isEmpty()
                        ? IntStream.range(0, sentences.size()).boxed().toList()
                        : eligible,
                analyzer);
        return ranked.stream().limit(count).sorted().toList();
    }

    // Over budget, a sentence is still taken for the first two places if no shorter one ranks below it.
    private static boolean fitsNoShorter(
            List<String> sentences, List<Integer> ranked, List<Integer> chosen, int index) {
        int length = sentences.get(index).length();
        return ranked.stream()
                .filter(other -> !chosen.contains(other) && other != index)
                .noneMatch(other -> sentences.get(other).length() < length);
    }

    private static List<Integer> eligible(List<String> sentences) {
        var eligible = new ArrayList<Integer>();
        for (int i = 0; i < sentences.size(); i++) {
            var sentence = sentences.get(i);
            if (Tokens.count(sentence) >= MIN_WORDS
                    && SENTENCE_END.matcher(sentence).find()) {
                eligible.add(i);
            }
        }
        return eligible;
    }

    private List<Integer> rank(String title, List<String> sentences, List<Integer> candidates, TermAnalyzer analyzer) {
        var bags = new ArrayList<Map<String, Integer>>();
        var document = new HashMap<String, Integer>();
        for (var sentence : sentences) {
            var bag = bag(sentence, analyzer);
            bags.add(bag);
            bag.forEach((stem, count) -> document.merge(stem, count, Integer::sum));
        }
        double documentNorm = Math.sqrt(document.values().stream()
                .mapToDouble(count -> (double) count * count)
                .sum());
        var headline = title == null ? Set.<String>of() : bag(title, analyzer).keySet();
        var scores = new HashMap<Integer, Double>();
        for (int rank = 0; rank < candidates.size(); rank++) {
            int index = candidates.get(rank);
            var bag = bags.get(index);
            double centrality = cosine(bag, document, documentNorm);
            double headlineOverlap = headline.isEmpty() ? 0 : overlap(bag.keySet(), headline);
            double position = 1.0 / (1 + rank);
            scores.put(
                    index,
                    weights.centrality() * centrality
                            + weights.headline() * headlineOverlap
                            + weights.position() * position);
        }
        ToDoubleFunction<Integer> score = scores::get;
        return candidates.stream()
                .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static Map<String, Integer> bag(String text, TermAnalyzer analyzer) {
        var bag = new HashMap<String, Integer>();
        for (var token : Tokens.of(text)) {
            var normalised = TermAnalyzer.normalise(token.text());
            if (!analyzer.isStopword(normalised)) {
                bag.merge(analyzer.stem(normalised), 1, Integer::sum);
            }
        }
        return bag;
    }

    private static double cosine(Map<String, Integer> sentence, Map<String, Integer> document, double documentNorm) {
        if (sentence.isEmpty()) {
            return 0;
        }
        double dot = 0;
        double sentenceNorm = 0;
        for (var entry : sentence.entrySet()) {
            // The sentence's own words are taken out of the document, or long sentences would look central.
            dot += entry.getValue() * (document.get(entry.getKey()) - entry.getValue());
            sentenceNorm += entry.getValue() * entry.getValue();
        }
        return dot / (Math.sqrt(sentenceNorm) * documentNorm);
    }

    private static double overlap(Set<String> sentence, Set<String> headline) {
        var shared = new HashSet<>(sentence);
        shared.retainAll(headline);
        return (double) shared.size() / headline.size();
    }
}
