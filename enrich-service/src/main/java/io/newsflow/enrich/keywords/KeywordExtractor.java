package io.newsflow.enrich.keywords;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.text.Tokens;
import io.newsflow.events.Enrichment.Keyword;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Ranks an article's keyphrases. Candidates are runs of one to three content words that no stopword or punctuation
 * interrupts, grouped by their stems so that inflections count together ("security guarantee" and "security
 * guarantees"). A candidate scores by how often the article uses it (sublinear, the title counting double) times how
 * rare its words are in news in general (inverse document frequency, where the language has a table) times its
 * number of words. A phrase of several words is kept only when the text uses it more than once; a phrase only ever
 * found inside a longer one, a word that hardly occurs outside a kept phrase, a phrase that overlaps a better one
 * ("Ursula von der" next to "von der Leyen") and a name followed by a verb ("Putin refuses") are dropped. Names (the
 * last word always capitalised inside sentences) count half: the entity lists carry them, the keywords are for what
 * the article is about.
 */
@Component
public class KeywordExtractor {

    private static final int MAX_WORDS = 3;
    private static final double TITLE_WEIGHT = 2.0;
    // Without a document frequency table every word counts as equally rare.
    private static final double DEFAULT_IDF = 3.0;
    private static final double NAME_WEIGHT = 0.5;

    private final Map<String, Optional<DocumentFrequencies>> frequencies = new HashMap<>();

    KeywordExtractor(EnrichProperties properties) {
        // Loaded at start, so that the first article does not wait for them.
        for (var language : properties.enrich().languages()) {
            frequencies.put(language, DocumentFrequencies.load(language));
        }
    }

    public List<Keyword> extract(String title, List<String> sentences, TermAnalyzer analyzer, int limit) {
        return extract(title, sentences, analyzer, limit, phrase -> false);
    }

    /**
     * As {@link #extract(String, List, TermAnalyzer, int)}, without the phrases that name an entity the article's
     * entity lists already carry.
     */
    public List<Keyword> extract(
            String title, List<String> sentences, TermAnalyzer analyzer, int limit, Predicate<String> isEntity) {
        var idf = frequencies.getOrDefault(analyzer.language(), Optional.empty());
        var candidates = new TreeMap<String, Candidate>();
        var forms = new HashMap<String, Form>();
        if (title != null) {
            collect(title, TITLE_WEIGHT, true, analyzer, idf, candidates, forms);
        }
        for (var sentence : sentences) {
            collect(sentence, 1.0, false, analyzer, idf, candidates, forms);
        }
        var longer = longerPhraseWeights(candidates);
        var ranked = new ArrayList<Scored>();
        for (var candidate : candidates.values()) {
            if (candidate.words > MAX_WORDS) {
                continue;
            }
            if (candidate.words > 1 && (candidate.bodyCount < 1 || candidate.weight < 2.0)) {
                continue;
            }
            if (longer.getOrDefault(candidate.key, 0.0) >= candidate.weight) {
                continue;
            }
            if (candidate.words > 1 && candidate.startsWithNameOnly(forms)) {
                // "Putin refuses", "Greene believes": a name and what it did, not a phrase.
                continue;
            }
            double rarity = 0;
            for (var stem : candidate.stems) {
                rarity += idf.map(table -> table.idf(stem)).orElse(DEFAULT_IDF);
            }
            rarity /= candidate.stems.length;
            // Sublinear in frequency, so that a name repeated in every paragraph does not bury the topic's phrases;
            // a phrase the text repeats is a strong sign of what it is about, hence the bonus per word.
            double score = (1 + Math.log(candidate.weight)) * rarity * candidate.words;
            if (candidate.isName(forms)) {
                score *= NAME_WEIGHT;
            }
            ranked.add(new Scored(candidate, score));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.candidate.key));
        var kept = new ArrayList<Scored>();
        for (var scored : ranked) {
            if (kept.size() == limit) {
                break;
            }
            if (isRedundant(scored.candidate, kept) || isEntity.test(scored.candidate.surface(forms))) {
                continue;
            }
            if (scored.candidate.words > 1) {
                // A single word already kept says less than the phrase it repeats ("troop" beside "troop deployment").
                kept.removeIf(k -> k.candidate.words == 1 && contains(scored.candidate.stems, k.candidate.key));
            }
            kept.add(scored);
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        double top = kept.getFirst().score;
        return kept.stream()
                .map(s -> new Keyword(s.candidate.surface(forms), Math.round(s.score / top * 10_000) / 10_000.0))
                .toList();
    }

    /**
     * Already said by a kept phrase: a word or phrase inside it that the text rarely uses apart from it, or a phrase
     * that overlaps it.
     */
    private static boolean isRedundant(Candidate candidate, List<Scored> kept) {
        for (var other : kept) {
            if (overlaps(candidate.stems, other.candidate.stems) || overlaps(other.candidate.stems, candidate.stems)) {
                return true;
            }
            if (candidate.words == 1 && other.candidate.words > 1 && contains(other.candidate.stems, candidate.key)) {
                return true;
            }
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

    /**
     * For every phrase, the highest weight of a phrase one word longer that contains it: "von der" is only ever part
     * of "von der Leyen" when that weighs as much.
     */
    private static Map<String, Double> longerPhraseWeights(Map<String, Candidate> candidates) {
        var weights = new HashMap<String, Double>();
        for (var candidate : candidates.values()) {
            if (candidate.words < 2) {
                continue;
            }
            var stems = candidate.stems;
            weights.merge(String.join(" ", Arrays.asList(stems).subList(1, stems.length)), candidate.weight, Math::max);
            weights.merge(
                    String.join(" ", Arrays.asList(stems).subList(0, stems.length - 1)), candidate.weight, Math::max);
        }
        return weights;
    }

    private static boolean contains(String[] stems, String stem) {
        return Arrays.asList(stems).contains(stem);
    }

    /** The end of {@code first} is the start of {@code second}, which goes on beyond it. */
    private static boolean overlaps(String[] first, String[] second) {
        if (first.length < 2 || second.length < 2) {
            return false;
        }
        for (int shared = 1; shared < Math.min(first.length, second.length + 1) && shared < second.length; shared++) {
            boolean same = true;
            for (int i = 0; i < shared && same; i++) {
                same = first[first.length - shared + i].equals(second[i]);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static void collect(
            String sentence,
            double weight,
            boolean inTitle,
            TermAnalyzer analyzer,
            Optional<DocumentFrequencies> idf,
            Map<String, Candidate> candidates,
            Map<String, Form> forms) {
        var run = new ArrayList<Word>();
        Tokens.Token previous = null;
        for (var token : Tokens.of(sentence)) {
            var normalised = TermAnalyzer.normalise(token.text());
            // Capitals say something only inside a sentence of the body: headlines capitalise every word.
            if (!inTitle && previous != null) {
                forms.computeIfAbsent(token.text().toLowerCase(Locale.ROOT), w -> new Form())
                        .add(token.text());
            }
            boolean content = normalised.length() > 1
                    && !analyzer.isStopword(normalised)
                    // Amounts and scores ("5bn", "60m") are not topics.
                    && !Character.isDigit(normalised.charAt(0))
                    && idf.map(table -> !table.isCommon(analyzer.stem(normalised)))
                            .orElse(true);
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
            // One word longer than a keyphrase may be, to tell whether a phrase is only ever part of a longer one.
            for (int to = from + 1; to <= Math.min(run.size(), from + MAX_WORDS + 1); to++) {
                var words = run.subList(from, to);
                var stems = words.stream().map(Word::stem).toArray(String[]::new);
                var key = String.join(" ", stems);
                var surface = String.join(" ", words.stream().map(Word::text).toList());
                candidates.computeIfAbsent(key, k -> new Candidate(k, stems)).add(surface, weight, inTitle);
            }
        }
    }

    private record Word(String text, String stem) {}

    /** How a word is written inside sentences: always capitalised means a name. */
    private static final class Form {
        private final TreeMap<String, Integer> capitalised = new TreeMap<>();
        private int lowerCase;

        void add(String text) {
            if (Character.isUpperCase(text.charAt(0))) {
                capitalised.merge(text, 1, Integer::sum);
            } else {
                lowerCase++;
            }
        }

        boolean isName() {
            return !capitalised.isEmpty() && lowerCase == 0;
        }

        String name() {
            return capitalised.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
        }
    }

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

        /** The most frequent form, each word in lower case unless the article always capitalises it. */
        String surface(Map<String, Form> forms) {
            var best = surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
            var words = new ArrayList<String>();
            for (var word : best.split(" ")) {
                var form = forms.get(word.toLowerCase(Locale.ROOT));
                words.add(form != null && form.isName() ? form.name() : word.toLowerCase(Locale.ROOT));
            }
            return String.join(" ", words);
        }

        boolean isName(Map<String, Form> forms) {
            var words = surfaces.firstKey().split(" ");
            return isName(words[words.length - 1], forms);
        }

        boolean startsWithNameOnly(Map<String, Form> forms) {
            var words = surfaces.firstKey().split(" ");
            return isName(words[0], forms) && !isName(words[words.length - 1], forms);
        }

        private static boolean isName(String word, Map<String, Form> forms) {
            var form = forms.get(word.toLowerCase(Locale.ROOT));
            return form != null && form.isName();
        }
    }
}
