package io.newsflow.enrich.lab.eval;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;

/** The language evaluation's baseline: Lingua alone, in its low accuracy mode (trigrams only), same languages. */
final class LinguaBaseline {

    private final LanguageDetector lingua;

    LinguaBaseline(List<String> languages) {
        this.lingua = LanguageDetectorBuilder.fromLanguages(languages.stream()
                        .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                        .toArray(Language[]::new))
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    String detect(String text) {
        var language = lingua.detectLanguageOf(text);
        return language == Language.UNKNOWN
                ? "und"
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
