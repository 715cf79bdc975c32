package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArticleIndexTemplateTest {

    private static final int MAPPING_VERSION = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withoutLanguageAnalyzersTheStemmedCopyIsAcceptedButNeitherIndexedNorAnalysed() throws Exception {
        var properties = properties(ArticleIndex.template(JSON, MAPPING_VERSION, false));

        var stemmed = properties.path("stemmed");
        assertThat(stemmed.path("type").asString()).isEqualTo("object");
        assertThat(stemmed.path("enabled").asBoolean(true)).isFalse();
        assertThat(stemmed.has("properties")).isFalse();
        assertThat(properties.toString()).doesNotContain("\"english\"").doesNotContain("\"german\"");
    }

    @Test
    void withLanguageAnalyzersEachLanguageHasAStemmedTitleAndText() throws Exception {
        var properties = properties(ArticleIndex.template(JSON, MAPPING_VERSION, true));

        var languages = properties.path("stemmed").path("properties");
        assertThat(fieldNames(languages)).containsExactlyInAnyOrderElementsOf(LanguageAnalyzers.BY_LANGUAGE.keySet());
        LanguageAnalyzers.BY_LANGUAGE.forEach((language, analyzer) -> {
            for (var field : List.of("title", "text")) {
                var mapping = languages.path(language).path("properties").path(field);
                assertThat(mapping.path("type").asString()).isEqualTo("text");
                assertThat(mapping.path("analyzer").asString()).isEqualTo(analyzer);
            }
        });
        assertThat(LanguageAnalyzers.BY_LANGUAGE)
                .containsEntry("en", "english")
                .containsEntry("de", "german")
                .hasSize(7);
    }

    @Test
    void titleAndTextThemselvesStayStandardWithNoLanguageSubFields() throws Exception {
        for (var languageAnalysis : List.of(false, true)) {
            var properties = properties(ArticleIndex.template(JSON, MAPPING_VERSION, languageAnalysis));

            assertThat(fieldNames(properties.path("title").path("fields"))).containsExactly("raw");
            assertThat(properties.path("text").has("fields")).isFalse();
            assertThat(properties.path("title").has("analyzer")).isFalse();
            assertThat(properties.path("text").has("analyzer")).isFalse();
        }
    }

    @Test
    void theStemmedCopyIsKeptOutOfTheStoredSourceAndTheMappingStaysStrict() throws Exception {
        for (var languageAnalysis : List.of(false, true)) {
            var mappings = JSON.readTree(ArticleIndex.template(JSON, MAPPING_VERSION, languageAnalysis))
                    .path("template")
                    .path("mappings");

            assertThat(mappings.path("dynamic").asString()).isEqualTo("strict");
            assertThat(mappings.path("_meta").path("mapping_version").asInt()).isEqualTo(MAPPING_VERSION);
            assertThat(mappings.path("_source").path("excludes").toString()).isEqualTo("[\"stemmed\"]");
        }
    }

    private static JsonNode properties(String template) {
        return JSON.readTree(template).path("template").path("mappings").path("properties");
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
