package io.newsflow.enrich.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.text.Tokens;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Detects an article's language among the configured ones with Lingua, helped by each language's stopwords;
 * {@code und} when it cannot tell. Short texts go through Lingua's high accuracy mode (all n-gram lengths); texts of
 * several sentences through its low accuracy mode (trigrams), which Lingua documents as nearly as good beyond 120
 * characters and which is several times faster.
 */
@Component
public class LanguageDetector {

    static final String UNDETERMINED = "und";

    private static final double STOPWORD_WEIGHT = 0.5;
    private static final int LONG_TEXT = 400;
    private static final double MIN_MARGIN = 0.01;
    private static final int MIN_WORDS = 2;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private final com.github.pemistahl.lingua.api.LanguageDetector shortTexts;
    private final com.github.pemistahl.lingua.api.LanguageDetector longTexts;
    private final TermAnalyzers analyzers;

    LanguageDetector(EnrichProperties properties, TermAnalyzers analyzers) {
        // Preloaded so that the first article does not pay for loading the models, and memory use shows at start.
        this.shortTexts = LanguageDetectorBuilder.fromLanguages(languages(properties))
                .withPreloadedLanguageModels()
                .build();
        this.longTexts = LanguageDetectorBuilder.fromLanguages(languages(properties))
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
        this.analyzers = analyzers;
    }

    private static Language[] languages(EnrichProperties properties) {
        return properties.enrich().languages().stream()
                .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                .toArray(Language[]::new);
    }

    /**
     * The language the publisher declared, as its ISO 639-1 code ({@code en-GB} gives {@code en}), else the detected
     * one. The API promises "detected when absent", and agencies and feeds declare what detection cannot know: a
     * language outside the configured ones (Swedish would read as German) or historic spelling.
     */
    public String languageOf(String declared, String text) {
        return declared(declared).orElseGet(() -> detect(text));
    }

    static Optional<String> declared(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        var code = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return code.length() == 2 && ISO_639_1.contains(code) ? Optional.of(code) : Optional.empty();
    }

    public String detect(String text) {
        var lingua = text.length() >= LONG_TEXT ? longTexts : shortTexts;
        var confidences = lingua.computeLanguageConfidenceValues(text);
        if (confidences.isEmpty()) {
            return UNDETERMINED;
        }
        var tokens = Tokens.of(text).stream()
                .map(t -> TermAnalyzer.normalise(t.text()))
                .toList();
        // One word ("OK", "Taxi") belongs to too many languages to tell.
        if (tokens.stream().filter(t -> t.chars().anyMatch(Character::isLetter)).count() < MIN_WORDS) {
            return UNDETERMINED;
        }
        String best = UNDETERMINED;
        double bestScore = Double.NEGATIVE_INFINITY;
        double secondScore = Double.NEGATIVE_INFINITY;
        for (var entry : confidences.entrySet()) {
            var code = code(entry.getKey());
            var analyzer = analyzers.forLanguage(code);
            long stopwords = tokens.stream().filter(analyzer::isStopword).count();
            // Lingua alone misreads short or damaged sentences (Spanish without its accents reads as Portuguese);
            // the share of the language's function words settles such cases without overruling clear ones.
            double score = entry.getValue() + STOPWORD_WEIGHT * stopwords / Math.max(1, tokens.size());
            if (score > bestScore) {
                best = code;
                secondScore = bestScore;
                bestScore = score;
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        // Two languages that fit (almost) equally well: saying which would be a coin toss.
        return bestScore - secondScore < MIN_MARGIN ? UNDETERMINED : best;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
