package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityKeysTest {

    @Test
    void transliterationVariantsOfANameHaveOneKey() {
        assertThat(EntityKeys.of("Zelenskyy"))
                .isEqualTo(EntityKeys.of("Zelensky"))
                .isEqualTo(EntityKeys.of("Zelenskiy"))
                .isEqualTo(EntityKeys.of("ZELENSKYI"))
                .isEqualTo("zelensky");
        assertThat(EntityKeys.of("Oleksandr Syrskiy")).isEqualTo(EntityKeys.of("Oleksandr Syrsky"));
    }

    @Test
    void accentsCaseDotsAndApostrophesDoNotChangeTheKey() {
        assertThat(EntityKeys.of("Élysée Palace")).isEqualTo("elysee-palace");
        assertThat(EntityKeys.of("U.S.")).isEqualTo(EntityKeys.of("US")).isEqualTo("us");
        assertThat(EntityKeys.of("O’Brien")).isEqualTo(EntityKeys.of("O'Brien")).isEqualTo("obrien");
        assertThat(EntityKeys.of("  Dr. Jean-Luc  Mélenchon, Jr ")).isEqualTo("dr-jean-luc-melenchon-jr");
        assertThat(EntityKeys.of("Ⅻ Ølstrup ½")).isEqualTo("xy-ølstrup-1-2");
        assertThat(EntityKeys.of("İstanbul Łódź")).isEqualTo("istanbul-łodz");
        assertThat(EntityKeys.of("Ŝtefan O’Brien-Smith's")).isEqualTo("stefan-obrien-smiths");
        assertThat(EntityKeys.of("...")).isEmpty();
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(EntityKeys.of("Anna Kowalska"))
                .isEqualTo("anna-kowalska")
                .isNotEqualTo(EntityKeys.of("Ana Kowalska"));
        assertThat(EntityKeys.of("Austria")).isNotEqualTo(EntityKeys.of("Australia"));
    }

    @Test
    void germanGenitivesTheEuropeanaNewspapersAttestHaveTheBaseFormsKey() {
        assertThat(EntityKeys.of("Deutschlands", "de"))
                .isEqualTo(EntityKeys.of("Deutschland", "de"))
                .isEqualTo(EntityKeys.of("Deutschland"))
                .isEqualTo("deutschland");
        assertThat(EntityKeys.of("Völkerbundes", "de")).isEqualTo("volkerbund");
        assertThat(EntityKeys.of("Matteottis", "de")).isEqualTo("matteotti");
        assertThat(EntityKeys.of("Frankreichs", "de")).isEqualTo("frankreich");
    }

    @Test
    void aFinalSIsNotDroppedWithoutEvidence() {
        assertThat(EntityKeys.of("Paris", "de")).isEqualTo("paris");
        assertThat(EntityKeys.of("Hans", "de")).isEqualTo("hans");
        assertThat(EntityKeys.of("Texas", "de")).isEqualTo("texas");
        assertThat(EntityKeys.of("Athens", "de")).isEqualTo("athens");
        assertThat(EntityKeys.of("Reichstags", "de")).isEqualTo("reichstags");
        // Only German articles: the English key of a German genitive is left alone, and Dutch lists none.
        assertThat(EntityKeys.of("Deutschlands", "en")).isEqualTo("deutschlands");
        assertThat(EntityKeys.of("Janssens", "nl")).isEqualTo("janssens");
    }
}
