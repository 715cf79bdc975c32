package io.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermAnalyzersTest {

    private static final TermAnalyzers analyzers = new TermAnalyzers(SeedArticle.properties());

    @ParameterizedTest
    @CsvSource({
        "en, guarantees, guarantee, the",
        "de, Verbündeten, Verbündete, und",
        "fr, européennes, européens, les",
        "es, tropas, tropa, los",
        "it, alleati, alleato, della",
        "nl, troepen, troep, het",
        "pt, aliados, aliado, os",
        "pl, sojusznikami, sojusznika, jest",
        "uk, союзники, союзників, що",
        "ru, союзники, союзников, что",
    })
    void stemsInflectionsAlikeAndKnowsStopwordsInEveryConfiguredLanguage(
            String language, String inflected, String otherForm, String stopword) {
        var analyzer = analyzers.forLanguage(language);

        assertThat(analyzer.stem(TermAnalyzer.normalise(inflected)))
                .isEqualTo(analyzer.stem(TermAnalyzer.normalise(otherForm)));
        assertThat(analyzer.isStopword(stopword)).isTrue();
        assertThat(analyzer.isStopword(TermAnalyzer.normalise(inflected))).isFalse();
    }

    @Test
    void stemsAsBeforeOnceItsRememberedStemsAreCleared() {
        var analyzer = analyzers.forLanguage("en");
        String first = analyzer.stem("guarantees");
        for (int i = 0; i < 25_000; i++) {
            analyzer.stem("word" + i + "s");
        }

        assertThat(analyzer.stem("guarantees")).isEqualTo(first).isEqualTo("guarante");
        assertThat(analyzer.stem("word24999s")).isEqualTo("word24999");
    }

    @Test
    void anUndeterminedLanguageOnlyLowerCases() {
        var analyzer = analyzers.forLanguage(LanguageDetector.UNDETERMINED);

        assertThat(analyzer.stem(TermAnalyzer.normalise("Guarantees"))).isEqualTo("guarantees");
        assertThat(analyzer.isStopword("the")).isFalse();
    }

    @Test
    void normalisationDropsThePossessive() {
        assertThat(TermAnalyzer.normalise("Ukraine’s")).isEqualTo("ukraine");
    }
}
