package io.newsflow.enrich.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsflow.enrich.EnrichProperties;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Detects an article's language among the configured ones with Lingua; {@code und} when it cannot tell. */
@Component
public class LanguageDetector {

    public static final String UNDETERMINED = "und";

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LanguageDetector(EnrichProperties properties) {
        // Preloaded so that the first article does not pay for loading the models, and memory use shows at start.
        this(LanguageDetectorBuilder.fromLanguages(languages(properties))
                .withPreloadedLanguageModels()
                .build());
    }

    private LanguageDetector(com.github.pemistahl.lingua.api.LanguageDetector lingua) {
        this.lingua = lingua;
    }

    /** Lingua's low accuracy mode (trigrams only): the baseline of the language evaluation. */
    public static LanguageDetector lowAccuracy(EnrichProperties properties) {
        return new LanguageDetector(LanguageDetectorBuilder.fromLanguages(languages(properties))
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build());
    }

    private static Language[] languages(EnrichProperties properties) {
        return properties.enrich().languages().stream()
                .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                .toArray(Language[]::new);
    }

    public String detect(String text) {
        var language = lingua.detectLanguageOf(text);
        return language == Language.UNKNOWN
                ? UNDETERMINED
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
