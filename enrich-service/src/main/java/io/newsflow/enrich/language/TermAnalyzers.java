package io.newsflow.enrich.language;

import io.newsflow.enrich.EnrichProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.springframework.stereotype.Component;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The {@link TermAnalyzer} of every configured language, built from Lucene's analysis modules (Apache-2.0): Snowball
 * stopword lists and stemmers for en, de, fr, es, it, nl, pt, ru; Stempel for Polish; the Morfologik dictionary of
 * Ukrainian (lemmas). A language without a stemmer here, and {@code und}, get lower-casing only and no stopwords.
 */
@Component
public class TermAnalyzers {

    private static final TermAnalyzer NONE =
            new TermAnalyzer(LanguageDetector.UNDETERMINED, word -> false, () -> word -> word);

    private final Map<String, TermAnalyzer> analyzers = new LinkedHashMap<>();

    public TermAnalyzers(EnrichProperties properties) {
        for (var language : properties.enrich().languages()) {
            var code = language.toLowerCase(Locale.ROOT);
            analyzers.put(code, create(code));
        }
    }

    public TermAnalyzer forLanguage(String language) {
        return analyzers.getOrDefault(language, NONE);
    }

    private static TermAnalyzer create(String language) {
        return switch (language) {
            case "en" -> snowball(language, "english", EnglishStemmer::new);
            case "de" -> snowball(language, "german", GermanStemmer::new);
            case "fr" -> snowball(language, "french", FrenchStemmer::new);
            case "es" -> snowball(language, "spanish", SpanishStemmer::new);
            case "it" -> snowball(language, "italian", ItalianStemmer::new);
            case "nl" -> snowball(language, "dutch", DutchStemmer::new);
            case "pt" -> snowball(language, "portuguese", PortugueseStemmer::new);
            case "ru" -> snowball(language, "russian", RussianStemmer::new);
            case "pl" -> polish();
            case "uk" -> ukrainian();
            default -> new TermAnalyzer(language, word -> false, () -> word -> word);
        };
    }

    private static TermAnalyzer snowball(String language, String name, Supplier<SnowballStemmer> stemmers) {
        var stopwords = snowballStopwords(name);
        return new TermAnalyzer(language, stopwords::contains, () -> {
            var stemmer = stemmers.get();
            return word -> {
                stemmer.setCurrent(word);
                stemmer.stem();
                return stemmer.getCurrent();
            };
        });
    }

    private static CharArraySet snowballStopwords(String name) {
        try (InputStream in = SnowballFilter.class.getResourceAsStream(
                "/org/apache/lucene/analysis/snowball/" + name + "_stop.txt")) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + name + " stopwords", e);
        }
    }

    private static TermAnalyzer polish() {
        var stopwords = PolishAnalyzer.getDefaultStopSet();
        var table = PolishAnalyzer.getDefaultTable();
        return new TermAnalyzer("pl", stopwords::contains, () -> {
            var stemmer = new StempelStemmer(table);
            return word -> {
                var stem = stemmer.stem(word);
                return stem == null || stem.isEmpty() ? word : stem.toString();
            };
        });
    }

    private static TermAnalyzer ukrainian() {
        var stopwords = UkrainianMorfologikAnalyzer.getDefaultStopwords();
        var dictionary = ukrainianDictionary();
        return new TermAnalyzer("uk", stopwords::contains, () -> {
            var lookup = new DictionaryLookup(dictionary);
            return word -> {
                // Lemmas stand in for stems; of several, the smallest is taken so that the result is deterministic.
                var lemma = lookup.lookup(word).stream()
                        .map(WordData::getStem)
                        .map(CharSequence::toString)
                        .min(Comparator.naturalOrder());
                return lemma.orElse(word);
            };
        });
    }

    private static Dictionary ukrainianDictionary() {
        try {
            return Dictionary.read(
                    UkrainianMorfologikAnalyzer.class.getClassLoader().getResource("ua/net/nlp/ukrainian.dict"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Ukrainian dictionary", e);
        }
    }
}
