package io.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector detector = new LanguageDetector(new EnrichProperties(
            new EnrichProperties.Topics("raw", "enriched", 1, (short) 1),
            new EnrichProperties.Enrich(1, List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "uk", "ru"))));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | European allies of Kyiv are working on very precise plans to deploy troops in Ukraine.",
                "de | Die europäischen Verbündeten arbeiten an sehr genauen Plänen für eine Friedensmission.",
                "fr | Les alliés européens de Kiev travaillent sur des plans très précis pour déployer des troupes.",
                "uk | Європейські союзники Києва працюють над дуже точними планами розгортання військ.",
                "ru | Европейские союзники Киева работают над очень точными планами развертывания войск.",
            })
    void detectsConfiguredLanguages(String language, String text) {
        assertThat(detector.detect(text)).isEqualTo(language);
    }

    @Test
    void saysUndeterminedWhenThereIsNothingToGoOn() {
        assertThat(detector.detect("12345 !!!")).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
