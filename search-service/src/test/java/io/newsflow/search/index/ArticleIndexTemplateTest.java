package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArticleIndexTemplateTest {

    private static final int MAPPING_VERSION = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withoutLanguageAnalyzersTitleAndTextHaveNoStemmedSubFields() throws Exception {
        var properties = properties(ArticleIndex.template(JSON, MAPPING_VERSION, false));

        for (var field : List.of("title", "text")) {
            assertThat(properties.path(field).path("type").asString()).isEqualTo("text");
            assertThat(subFields(properties.path(field)))
                    .doesNotContainAnyElementsOf(ArticleIndex.LANGUAGE_ANALYZERS.keySet());
        }
        assertThat(properties.toString()).doesNotContain("\"english\"").doesNotContain("\"german\"");
    }

    @Test
    void withLanguageAnalyzersTitleAndTextGetOneStemmedSubFieldPerLanguage() throws Exception {
        var properties = properties(ArticleIndex.template(JSON, MAPPING_VERSION, true));

        for (var field : List.of("title", "text")) {
            var fields = properties.path(field).path("fields");
            ArticleIndex.LANGUAGE_ANALYZERS.forEach((language, analyzer) -> {
                assertThat(fields.path(language).path("type").asString()).isEqualTo("text");
                assertThat(fields.path(language).path("analyzer").asString()).isEqualTo(analyzer);
            });
        }
        assertThat(ArticleIndex.LANGUAGE_ANALYZERS)
                .containsEntry("en", "english")
                .containsEntry("de", "german")
                .hasSize(7);
    }

    @Test
    void theLanguageSubFieldsKeepTheFieldsSubFieldsTheTemplateAlreadyHas() throws Exception {
        var plain = properties(ArticleIndex.template(JSON, MAPPING_VERSION, false));
        var stemmed = properties(ArticleIndex.template(JSON, MAPPING_VERSION, true));

        for (var field : List.of("title", "text")) {
            assertThat(subFields(stemmed.path(field))).containsAll(subFields(plain.path(field)));
        }
    }

    private static JsonNode properties(String template) {
        return JsonMapper.builder()
                .build()
                .readTree(template)
                .path("template")
                .path("mappings")
                .path("properties");
    }

    private static List<String> subFields(JsonNode field) {
        var names = new ArrayList<String>();
        field.path("fields").propertyNames().forEach(names::add);
        return names;
    }
}
