package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.SearchServiceTest;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment on mapping version 2 (strict, without {@code stemmed}), 3 (without the publisher tags, scored keywords
 * and mention counts) or 4 (without the Media Topic and the entity keys) upgraded to this service: the index it runs on must go on accepting what is written now until a
 * reindex replaces it, and the index a reindex builds has the new mapping.
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
        createOldIndex(2, old, alias);
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
        createOldIndex(2, alias + "-v1", alias);
        var index = new ArticleIndex(elasticsearch, withAlias(alias));
        index.initialize();

        index.createIndex(index.indexName(2));

        var rebuilt = mapping(alias + "-v2");
        assertThat(rebuilt.meta().get("mapping_version").toJson().toString()).isEqualTo("5");
        assertThat(rebuilt.source().excludes()).containsExactly("stemmed");
        assertThat(rebuilt.properties().get("title").text().fields()).containsOnlyKeys("raw");
    }

    @Test
    void anIndexOnMappingVersion3IsGivenThePublisherTagsAndTheDetailFieldsAtStart() throws Exception {
        var alias = "migration-" + UUID.randomUUID().toString().substring(0, 8);
        var old = alias + "-v1";
        createOldIndex(3, old, alias);
        var article = Map.of(
                "id", "a1",
                "title", "Chess in Valencia",
                "tags", List.of("chess olympiad"),
                "publisherTags", List.of("chess olympiad"),
                "scoredKeywords", List.of(Map.of("term", "chess", "score", 0.8)),
                "mentions", Map.of("places", List.of(Map.of("name", "Valencia", "mentions", 3))));
        assertThat(elasticsearch
                        .bulk(b -> b.operations(
                                o -> o.index(i -> i.index(old).id("a0").document(article))))
                        .items()
                        .getFirst()
                        .error())
                .as("a strict version 3 index refuses the new fields")
                .isNotNull();

        var index = new ArticleIndex(elasticsearch, withAlias(alias));
        index.initialize();

        assertThat(mapping(old).properties()).containsKeys("publisherTags", "scoredKeywords", "mentions");
        assertThat(mapping(old).meta().get("mapping_version").toJson().toString())
                .isEqualTo("3");
        elasticsearch.index(i -> i.index(alias).id("a1").document(article).refresh(Refresh.True));
        assertThat(elasticsearch
                        .count(c -> c.index(alias)
                                .query(q -> q.term(t -> t.field("publisherTags").value("chess olympiad"))))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anIndexOnMappingVersion4IsGivenTheMediaTopicAndTheEntityKeysAtStart() throws Exception {
        var alias = "migration-" + UUID.randomUUID().toString().substring(0, 8);
        var old = alias + "-v1";
        createOldIndex(4, old, alias);
        var article = Map.of(
                "id", "a1",
                "title", "Talks in Kyiv",
                "category", "conflict",
                "categoryCode", "medtop:16000000",
                "categoryName", "conflict, war and peace",
                "topic", "medtop:16000000",
                "topicName", "conflict, war and peace",
                "people", List.of("Zelenskyy"),
                "peopleKeys", List.of("volodymyr-zelensky"));
        assertThat(elasticsearch
                        .bulk(b -> b.operations(
                                o -> o.index(i -> i.index(old).id("a0").document(article))))
                        .items()
                        .getFirst()
                        .error())
                .as("a strict version 4 index refuses the new fields")
                .isNotNull();

        var index = new ArticleIndex(elasticsearch, withAlias(alias));
        index.initialize();

        assertThat(mapping(old).properties())
                .containsKeys(
                        "categoryCode",
                        "categoryName",
                        "topic",
                        "topicName",
                        "peopleKeys",
                        "organizationKeys",
                        "placeKeys");
        assertThat(mapping(old).meta().get("mapping_version").toJson().toString())
                .isEqualTo("4");
        elasticsearch.index(i -> i.index(alias).id("a1").document(article).refresh(Refresh.True));
        assertThat(elasticsearch
                        .count(c -> c.index(alias)
                                .query(q -> q.term(t -> t.field("peopleKeys").value("volodymyr-zelensky"))))
                        .count())
                .isEqualTo(1);
    }

    private void createOldIndex(int version, String name, String alias) throws Exception {
        try (var in = new ClassPathResource("migration/articles-template-v" + version + ".json").getInputStream()) {
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
                        search.savedSearchesIndex(),
                        search.dashboard()));
    }
}
