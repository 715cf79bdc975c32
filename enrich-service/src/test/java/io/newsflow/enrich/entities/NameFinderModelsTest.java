package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameFinderModelsTest {

    @TempDir
    Path folder;

    @Test
    void shipsEnglishGermanDutchAndFrench() {
        var models = NameFinderModels.shippedOnly();

        assertThat(models.languages()).containsExactly("de", "en", "fr", "nl");
        assertThat(models.forLanguage("de").orElseThrow().getLanguage()).isEqualTo("de");
        assertThat(models.forLanguage("nl").orElseThrow().getLanguage()).isEqualTo("nl");
        assertThat(models.forLanguage("fr").orElseThrow().getLanguage()).isEqualTo("fr");
        assertThat(models.forLanguage("es")).isEmpty();
    }

    @Test
    void shippedModelsNameTheirTrainingDataAndItsLicence() {
        var models = NameFinderModels.shippedOnly();

        for (String language : List.of("de", "nl", "fr")) {
            var model = models.forLanguage(language).orElseThrow();
            assertThat(model.getManifestProperty(NameFinderModels.TRAINING_DATA_ENTRY))
                    .startsWith("Europeana Newspapers NER corpora");
            assertThat(model.getManifestProperty(NameFinderModels.LICENCE_ENTRY))
                    .isEqualTo("CC0 1.0");
        }
    }

    @Test
    void anOptInModelAddsItsLanguage() throws Exception {
        // Any name finder file serves; the shipped Dutch model stands in for an opt-in one.
        Path file = folder.resolve("es-ner.bin");
        try (InputStream in = NameFinderModels.class.getResourceAsStream(NameFinderModels.resource("nl"))) {
            Files.copy(in, file);
        }

        var models = new NameFinderModels(List.of("es=" + file));

        assertThat(models.languages()).containsExactly("de", "en", "es", "fr", "nl");
    }

    @Test
    void aMissingOptInModelStopsTheServiceNamingTheProperty() {
        assertThatThrownBy(() -> new NameFinderModels(List.of("es=" + folder.resolve("missing.bin"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("NEWSFLOW_ENRICH_ENTITIES_MODELS");
    }
}
