package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.SearchServiceTest;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment on mapping version 2 (strict, without {@code stemmed}) upgraded to this service: the index it runs on
 * must go on accepting what is written now until a reindex replaces it, and the index a reindex builds has the new
 * mapping.
 */
@SearchServiceTest
class MappingMigrationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchProperties properties;

    @Test
    void anIndexOnMappingVersion2IsGivenTheStemmedFieldsAtStartAndAcceptsTheDocumentsWrittenNow() throws Exception {
        var alias = "migration-" + UUID.randomUUID().toString().substring(0, 8);
        var old = alias + "-v1";
        createVersion2Index(old, alias);
        var article = Map.of(
                "id", "a1",
                "title", "Flooded villages",
                "text", "Rivers flooded three villages.",
                "language", "en",
                "stemmed", Map.of("en", Map.of("title", "Flooded villages", "text", "Rivers flooded three villages.")));
        var rejected = elasticsearch
                .bulk(b -> b.operations(o -> o.index(i -> i.index(old).id("a0").document(article))))
                .items()
                .getFirst()
                .error();
        assertThat(rejected)
                .as("a strict version 2 index refuses the stemmed copy")
                .isNotNull();

        var index = new ArticleIndex(elasticsearch, withAlias(alias));
        index.initialize();

        assertThat(index.currentIndex()).contains(old);
        assertThat(mapping(old).properties()).containsKey("stemmed");
        assertThat(mapping(old).meta().get("mapping_version").toJson().toString())
                .as("still the old mapping otherwise, until a reindex")
                .isEqualTo("2");
        var result = elasticsearch.index(
                i -> i.index(alias).id("a1").document(article).refresh(Refresh.True));
        assertThat(result.id()).isEqualTo("a1");
        assertThat(elasticsearch
                        .count(c -> c.index(alias)
                                .query(q -> q.match(m -> m.field("stemmed.en.text")
                                        .query("flooding village")
                                        .operator(Operator.And))))
                        .count())
                .isEqualTo(1);

        index.initialize();
        assertThat(mapping(old).properties()).containsKey("stemmed");
    }

    @Test
    void theIndexAReindexBuildsHasTheCurrentMappingVersion() throws Exception {
        var alias = "migration-" + UUID.randomUUID().toString().substring(0, 8);
        createVersion2Index(alias + "-v1", alias);
        var index = new ArticleIndex(elasticsearch, withAlias(alias));
        index.initialize();

        index.createIndex(index.indexName(2));

        var rebuilt = mapping(alias + "-v2");
        assertThat(rebuilt.meta().get("mapping_version").toJson().toString()).isEqualTo("3");
        assertThat(rebuilt.source().excludes()).containsExactly("stemmed");
        assertThat(rebuilt.properties().get("title").text().fields()).containsOnlyKeys("raw");
    }

    private void createVersion2Index(String name, String alias) throws Exception {
        try (var in = new ClassPathResource("migration/articles-template-v2.json").getInputStream()) {
            var body = JSON.writeValueAsString(JSON.readTree(in).path("template"));
            elasticsearch.indices().create(c -> c.withJson(new StringReader(body))
                    .index(name)
                    .aliases(alias, a -> a.isWriteIndex(true)));
        }
    }

    private TypeMapping mapping(String index) throws Exception {
        return elasticsearch
                .indices()
                .getMapping(m -> m.index(index))
                .mappings()
                .get(index)
                .mappings();
    }

    private SearchProperties withAlias(String alias) {
        var search = properties.search();
        return new SearchProperties(
                properties.topics(),
                new SearchProperties.Search(
                        new SearchProperties.Index(alias, search.index().version()),
                        search.maxPageSize(),
                        search.facetSize(),
                        search.indexing(),
                        search.adminToken(),
                        search.cors(),
                        search.savedSearchesIndex()));
    }
}
