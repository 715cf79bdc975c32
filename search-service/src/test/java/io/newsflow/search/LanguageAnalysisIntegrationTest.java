package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.index.ArticleIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stemming end to end on the real node: the official image has the language analyzers built in, the local node gets
 * them from our plugin, and either way a search finds inflected forms that standard analysis would miss.
 */
@SearchServiceTest
class LanguageAnalysisIntegrationTest {

    private static final String TOPIC = SearchServiceTest.TOPIC;
    private static final String ALIAS = SearchServiceTest.ALIAS;

    @Autowired
    ArticleIndex index;

    @Autowired
    ElasticsearchClient elasticsearch;

    @LocalServerPort
    int port;

    @Test
    void theServiceChoosesLanguageAnalysisAndTheIndexHasStemmedSubFields() throws Exception {
        assertThat(index.languageAnalysis()).isTrue();

        var mapping = elasticsearch
                .indices()
                .getMapping(m -> m.index(ALIAS))
                .mappings()
                .values()
                .iterator()
                .next()
                .mappings()
                .properties();
        assertThat(mapping.get("title").text().fields().get("en").text().analyzer())
                .isEqualTo("english");
        assertThat(mapping.get("text").text().fields().get("de").text().analyzer())
                .isEqualTo("german");
    }

    @Test
    void anEnglishArticleAboutFloodedVillagesIsFoundByOtherFormsOfFlood() throws Exception {
        var word = Articles.uniqueWord();
        var article = Articles.builder(
                        "Flooded villages evacuated " + word,
                        "Rivers flooded three villages in the valley overnight, said " + word + ".")
                .language("en")
                .build();

        Articles.send(TOPIC, article);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids("floods " + word)).containsExactly(article.articleId()));
        assertThat(ids("flooding " + word)).containsExactly(article.articleId());
        assertThat(ids("village " + word)).containsExactly(article.articleId());
        // standard analysis alone keeps "flooded" and "villages" as they are: the stemmed sub-fields made the match
        assertThat(matches(article, "text", "flooding village")).isFalse();
        assertThat(matches(article, "text.en", "flooding village")).isTrue();
    }

    @Test
    void aGermanArticleIsFoundByAnInflectedGermanForm() throws Exception {
        var word = Articles.uniqueWord();
        var article = Articles.builder(
                        "Überschwemmungen in mehreren Dörfern " + word,
                        "Die Feuerwehr räumte die Häuser nach den Überschwemmungen, sagte " + word + ".")
                .language("de")
                .build();

        Articles.send(TOPIC, article);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids("Überschwemmung " + word)).containsExactly(article.articleId()));
        assertThat(ids("Dorf " + word)).containsExactly(article.articleId());
        assertThat(matches(article, "title", "Überschwemmung")).isFalse();
        assertThat(matches(article, "title.de", "Überschwemmung")).isTrue();
    }

    @Test
    void aWordThatIsNotInTheArticleInAnyFormStillFindsNothing() throws Exception {
        var word = Articles.uniqueWord();
        var article = Articles.builder("Flooded villages " + word, "Rivers flooded the valley.")
                .build();

        Articles.send(TOPIC, article);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids("flood " + word)).containsExactly(article.articleId()));
        assertThat(ids("drought " + word)).isEmpty();
    }

    private List<String> ids(String query) {
        var hits = new Api(port)
                .ok("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .path("hits");
        var ids = new ArrayList<String>();
        hits.forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    /** Whether every term of the text matches the one field of the article, straight against Elasticsearch. */
    private boolean matches(ArticleEnriched article, String field, String text) throws Exception {
        return elasticsearch
                        .count(c -> c.index(ALIAS)
                                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(article.articleId())))
                                        .must(m -> m.match(
                                                t -> t.field(field).query(text).operator(Operator.And))))))
                        .count()
                > 0;
    }
}
