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
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(EntityKeys.of("Anna Kowalska"))
                .isEqualTo("anna-kowalska")
                .isNotEqualTo(EntityKeys.of("Ana Kowalska"));
        assertThat(EntityKeys.of("Austria")).isNotEqualTo(EntityKeys.of("Australia"));
    }
}
