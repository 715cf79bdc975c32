package io.newsflow.enrich.keywords;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.text.Tokens;
import io.newsflow.events.Enrichment.Keyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Ranks an article's keyphrases. Candidates are runs of one to three content words that no stopword or punctuation
 * interrupts, grouped by their stems so that inflections count together ("security guarantee" and "security
 * guarantees"). A candidate scores by how often the article uses it (the title counts double) times how rare its
 * words are in news in general (inverse document frequency, where the language has a table). A phrase of several
 * words is kept only when the text uses it more than once; a single word is dropped when it hardly ever occurs
 * outside a kept phrase.
 */
@Component
public class KeywordExtractor {

    private static final int MAX_WORDS = 3;
    private static final double TITLE_WEIGHT = 2.0;
    // Without a document frequency table every word counts as equally rare.
    private static final double DEFAULT_IDF = 3.0;

    private final Map<String, Optional<DocumentFrequencies>> frequencies = new HashMap<>();

    public KeywordExtractor(EnrichProperties properties) {
        // Loaded at start, so that the first article does not wait for them.
        for (var language : properties.enrich().languages()) {
            frequencies.put(language, DocumentFrequencies.load(language));
        }
    }

    public List<Keyword> extract(String title, List<String> sentences, TermAnalyzer analyzer, int limit) {
        var idf = frequencies.getOrDefault(analyzer.language(), Optional.empty());
        var candidates = new TreeMap<String, Candidate>();
        if (title != null) {
            collect(title, TITLE_WEIGHT, true, analyzer, candidates);
        }
        for (var sentence : sentences) {
            collect(sentence, 1.0, false, analyzer, candidates);
        }
        var ranked = new ArrayList<Scored>();
        for (var candidate : candidates.values()) {
            if (candidate.words > 1 && (candidate.bodyCount < 1 || candidate.weight < 2.0)) {
                continue;
            }
            double rarity = 0;
            for (var stem : candidate.stems) {
                rarity += idf.map(table -> table.idf(stem)).orElse(DEFAULT_IDF);
            }
            rarity /= candidate.stems.length;
            // Phrases are rarer than their words by nature: a mild bonus keeps them from being outranked by each
            // of their own words.
            double score = candidate.weight * rarity * (1 + 0.5 * (candidate.words - 1));
            ranked.add(new Scored(candidate, score));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.candidate.key));
        var kept = new ArrayList<Scored>();
        for (var scored : ranked) {
            if (kept.size() == limit) {
                break;
            }
            if (!isRedundant(scored.candidate, kept)) {
                kept.add(scored);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        double top = kept.getFirst().score;
        return kept.stream()
                .map(s -> new Keyword(s.candidate.surface(), Math.round(s.score / top * 10_000) / 10_000.0))
                .toList();
    }

    /** Already said by a kept phrase: a word or phrase inside it that the text rarely uses apart from it. */
    private static boolean isRedundant(Candidate candidate, List<Scored> kept) {
        for (var other : kept) {
            var key = " " + other.candidate.key + " ";
            if (key.contains(" " + candidate.key + " ") && candidate.weight < 1.5 * other.candidate.weight) {
                return true;
            }
            if ((" " + candidate.key + " ").contains(key) && candidate.weight < 1.5 * other.candidate.weight) {
                // A longer phrase around a kept one adds little unless it is common in its own right.
                return candidate.weight <= other.candidate.weight;
            }
        }
        return false;
    }

    private static void collect(
            String sentence, double weight, boolean inTitle, TermAnalyzer analyzer, Map<String, Candidate> candidates) {
        var run = new ArrayList<Word>();
        Tokens.Token previous = null;
        for (var token : Tokens.of(sentence)) {
            var normalised = TermAnalyzer.normalise(token.text());
            boolean content = normalised.length() > 1
                    && !analyzer.isStopword(normalised)
                    && !normalised.chars().allMatch(Character::isDigit);
            boolean adjacent = previous != null
                    && sentence.substring(previous.end(), token.start()).isBlank();
            if (!content || !adjacent) {
                addRun(run, weight, inTitle, candidates);
                run.clear();
            }
            if (content) {
                run.add(new Word(token.text(), analyzer.stem(normalised)));
            }
            previous = token;
        }
        addRun(run, weight, inTitle, candidates);
    }

    private static void addRun(List<Word> run, double weight, boolean inTitle, Map<String, Candidate> candidates) {
        for (int from = 0; from < run.size(); from++) {
            for (int to = from + 1; to <= Math.min(run.size(), from + MAX_WORDS); to++) {
                var words = run.subList(from, to);
                var stems = words.stream().map(Word::stem).toArray(String[]::new);
                var key = String.join(" ", stems);
                var surface = String.join(" ", words.stream().map(Word::text).toList());
                candidates.computeIfAbsent(key, k -> new Candidate(k, stems)).add(surface, weight, inTitle);
            }
        }
    }

    private record Word(String text, String stem) {}

    private record Scored(Candidate candidate, double score) {}

    private static final class Candidate {
        private final String key;
        private final String[] stems;
        private final int words;
        private final TreeMap<String, Integer> surfaces = new TreeMap<>();
        private double weight;
        private int bodyCount;

        Candidate(String key, String[] stems) {
            this.key = key;
            this.stems = stems;
            this.words = stems.length;
        }

        void add(String surface, double weight, boolean inTitle) {
            this.weight += weight;
            if (!inTitle) {
                bodyCount++;
            }
            surfaces.merge(surface, 1, Integer::sum);
        }

        /**
         * The most frequent form, in lower case unless it is always capitalised (a name such as "Kyiv" or "NATO").
         * Title case in headlines says nothing, but the body decides most forms.
         */
        String surface() {
            String best = null;
            int bestCount = 0;
            boolean alwaysCapitalised = true;
            for (var entry : surfaces.entrySet()) {
                var form = entry.getKey();
                if (entry.getValue() > bestCount) {
                    best = form;
                    bestCount = entry.getValue();
                }
                alwaysCapitalised &= Character.isUpperCase(form.charAt(0));
            }
            return alwaysCapitalised ? best : best.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
