package io.newsflow.enrich.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichComponentsTest {

    @Test
    void toolsRunWithTheSettingsOfTheServicesOwnApplicationYaml() {
        var properties = EnrichComponents.properties();

        assertThat(properties.enrich().languages())
                .containsExactly("en", "de", "fr", "es", "it", "nl", "pt", "pl", "uk", "ru");
        assertThat(properties.enrich().keywords()).isEqualTo(10);
        assertThat(properties.enrich().summary().sentences()).isEqualTo(3);
        assertThat(properties.topics().enriched()).isEqualTo("newsflow.articles.enriched");
    }
}
