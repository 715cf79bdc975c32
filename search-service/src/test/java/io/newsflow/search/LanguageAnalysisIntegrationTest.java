package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.json.JsonData;
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
 * them from our plugin, and either way a search finds inflected forms that standard analysis would miss. Each article
 * is stemmed in its own language only.
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
    void theServiceChoosesLanguageAnalysisAndTheIndexHasOneStemmedTitleAndTextPerLanguage() throws Exception {
        assertThat(index.languageAnalysis()).isTrue();

        var mappings = elasticsearch
                .indices()
                .getMapping(m -> m.index(ALIAS))
                .mappings()
                .values()
                .iterator()
                .next()
                .mappings();
        var stemmed = mappings.properties().get("stemmed").object().properties();
        assertThat(stemmed.get("en").object().properties().get("title").text().analyzer())
                .isEqualTo("english");
        assertThat(stemmed.get("de").object().properties().get("text").text().analyzer())
                .isEqualTo("german");
        assertThat(mappings.properties().get("title").text().fields()).containsOnlyKeys("raw");
        assertThat(mappings.properties().get("text").text().fields()).isEmpty();
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
        // standard analysis alone keeps "flooded" and "villages" as they are: the English stemmed field made the match
        assertThat(matches(article, "text", "flooding village")).isFalse();
        assertThat(matches(article, "stemmed.en.text", "flooding village")).isTrue();
        assertThat(matches(article, "stemmed.en.title", "flooding village")).isTrue();
    }

    @Test
    void anEnglishArticleIsStemmedInEnglishOnlyAndNotIndexedIntoTheOtherLanguages() throws Exception {
        var word = Articles.uniqueWord();
        var article = Articles.builder(
                        "Rivers rising in the valley " + word, "The rivers kept rising overnight, said " + word + ".")
                .language("en")
                .build();

        Articles.send(TOPIC, article);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids("rise " + word)).containsExactly(article.articleId()));
        assertThat(matches(article, "stemmed.en.text", word)).isTrue();
        assertThat(matches(article, "stemmed.de.text", word)).isFalse();
        assertThat(matches(article, "stemmed.de.title", word)).isFalse();
        assertThat(has(article, "stemmed.en.text")).isTrue();
        for (var language : List.of("de", "fr", "es", "it", "nl", "pt")) {
            assertThat(has(article, "stemmed." + language + ".title"))
                    .as(language)
                    .isFalse();
            assertThat(has(article, "stemmed." + language + ".text"))
                    .as(language)
                    .isFalse();
        }
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
        assertThat(matches(article, "stemmed.de.title", "Überschwemmung")).isTrue();
        assertThat(has(article, "stemmed.en.title")).isFalse();
    }

    @Test
    void anArticleInAnotherLanguageOrUndeterminedGetsNoStemmedFieldAndIsStillFoundByItsWords() throws Exception {
        var word = Articles.uniqueWord();
        var swedish = Articles.builder("Översvämningar i byarna " + word, "Floderna steg under natten, sa " + word)
                .language("sv")
                .build();
        var unknown = Articles.builder("Flooded villages " + word, "Rivers flooded the valley, said " + word)
                .language("und")
                .build();

        Articles.send(TOPIC, swedish);
        Articles.send(TOPIC, unknown);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(word))
                .containsExactlyInAnyOrder(swedish.articleId(), unknown.articleId()));
        assertThat(ids("Översvämningar " + word)).containsExactly(swedish.articleId());
        assertThat(ids("flooded " + word)).containsExactly(unknown.articleId());
        assertThat(has(swedish, "stemmed")).isFalse();
        assertThat(has(unknown, "stemmed")).isFalse();
    }

    @Test
    void theStemmedCopyIsNotStoredAndArticlesReadBackAndHighlightFromThePlainFields() throws Exception {
        var word = Articles.uniqueWord();
        var article = Articles.builder(
                        "Flooded roads closed " + word, "Police closed the flooded roads near the river, said " + word)
                .language("en")
                .build();

        Articles.send(TOPIC, article);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids("flooded " + word)).containsExactly(article.articleId()));
        var source = elasticsearch
                .get(g -> g.index(ALIAS).id(article.articleId()), JsonData.class)
                .source()
                .toJson()
                .toString();
        assertThat(source).contains("\"title\"", "\"text\"").doesNotContain("stemmed");
        var api = new Api(port);
        assertThat(api.ok("/api/v1/articles/" + article.articleId())
                        .path("title")
                        .asString())
                .isEqualTo(article.article().title());
        var hit = api.ok("/api/v1/search?q=" + URLEncoder.encode("flooded " + word, StandardCharsets.UTF_8))
                .path("hits")
                .get(0);
        assertThat(hit.path("highlights").path("title").get(0).asString()).contains("<em>Flooded</em>");
        assertThat(hit.path("highlights").path("text").get(0).asString()).contains("<em>flooded</em>");
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

    /** Whether the article has a value in the field (an object field: in any of its fields), straight from Elasticsearch. */
    private boolean has(ArticleEnriched article, String field) throws Exception {
        return elasticsearch
                        .count(c -> c.index(ALIAS)
                                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(article.articleId())))
                                        .filter(f -> f.exists(e -> e.field(field))))))
                        .count()
                > 0;
    }
}
