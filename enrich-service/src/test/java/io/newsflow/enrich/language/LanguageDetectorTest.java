package io.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector detector =
            new LanguageDetector(SeedArticle.properties(), new TermAnalyzers(SeedArticle.properties()));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | European allies of Kyiv are working on very precise plans to deploy troops in Ukraine.",
                "de | Die europäischen Verbündeten arbeiten an sehr genauen Plänen für eine Friedensmission.",
                "fr | Les alliés européens de Kiev travaillent sur des plans très précis pour déployer des troupes.",
                "es | Los aliados europeos de Kiev trabajan en planes muy precisos para desplegar tropas.",
                "it | Gli alleati europei di Kiev stanno lavorando a piani molto precisi per schierare truppe.",
                "nl | De Europese bondgenoten van Kiev werken aan zeer precieze plannen om troepen te sturen.",
                "pt | Os aliados europeus de Kiev estão a trabalhar em planos muito precisos para enviar tropas.",
                "pl | Europejscy sojusznicy Kijowa pracują nad bardzo precyzyjnymi planami rozmieszczenia wojsk.",
                "uk | Європейські союзники Києва працюють над дуже точними планами розгортання військ.",
                "ru | Европейские союзники Киева работают над очень точными планами развертывания войск.",
            })
    void detectsConfiguredLanguages(String language, String text) {
        assertThat(detector.detect(text)).isEqualTo(language);
    }

    @Test
    void readsSpanishThatLostItsAccentsAsSpanish() {
        assertThat(detector.detect("Al menos en mi opinin.")).isEqualTo("es");
    }

    @ParameterizedTest
    @CsvSource({"12345 !!!", "OK", "Taxi 2025"})
    void saysUndeterminedWhenThereIsTooLittleToGoOn(String text) {
        assertThat(detector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void detectsTheSeedArticleAsEnglish() {
        assertThat(detector.detect(SeedArticle.title() + "\n\n" + SeedArticle.body()))
                .isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({"sv, sv", "en-GB, en", "PT_br, pt", "' nl ', nl"})
    void takesTheLanguageThePublisherDeclared(String declared, String language) {
        // German text: detection alone would say de
        assertThat(detector.languageOf(declared, "Die europäischen Verbündeten arbeiten an sehr genauen Plänen."))
                .isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"NULL", "''", "english", "xx", "123"},
            nullValues = "NULL")
    void detectsTheLanguageWhenTheDeclaredOneIsMissingOrNoLanguage(String declared) {
        assertThat(detector.languageOf(declared, "Die europäischen Verbündeten arbeiten an sehr genauen Plänen."))
                .isEqualTo("de");
    }
}
