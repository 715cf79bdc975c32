package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.SeedArticle;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.json.JsonMapper;

class EnricherTest {

    private static final Enricher enricher = enricher();

    static Enricher enricher() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean(EnrichProperties.class, SeedArticle::properties);
            context.register(EnrichmentConfiguration.class);
            context.refresh();
            return context.getBean(Enricher.class);
        }
    }

    @Test
    void analysesTheStartOfAVeryLongArticleAndPublishesAllOfIt() {
        var late = "Angela Merkel met Emmanuel Macron in Lisbon on Tuesday.";
        var padding = new StringBuilder();
        while (padding.length() < 60_000) {
            padding.append(SeedArticle.body()).append("\n\n");
        }
        var shortArticle =
                enricher.enrich(event(SeedArticle.body() + "\n\n" + late)).enrichment();
        var longArticle = enricher.enrich(event(padding + late)).enrichment();

        // the same name is found where it lies inside the analysed start, and not beyond it
        assertThat(shortArticle.people()).extracting(Enrichment.Entity::name).contains("Angela Merkel");
        assertThat(longArticle.people()).extracting(Enrichment.Entity::name).doesNotContain("Angela Merkel");
        assertThat(longArticle.text()).endsWith(late);
        assertThat(longArticle.wordCount()).isGreaterThan(9_000);
    }

    private static ArticleIngested event(String body) {
        return ArticleIngested.of(
                "long",
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "sha256:long",
                Source.pushed("RksNews", "rksnews.com"),
                Article.of(SeedArticle.title(), body));
    }

    @Test
    void enrichesTheSeedArticleAsTheIssueExpects() {
        var enrichment = enricher.enrich(SeedArticle.event("seed")).enrichment();

        assertThat(enrichment.language()).isEqualTo("en");
        assertThat(enrichment.text()).doesNotContain("RksNews", "Min Read");
        assertThat(enrichment.keywords())
                .extracting(Enrichment.Keyword::term)
                .contains("peacekeeping", "security guarantees");
        assertThat(enrichment.category().label()).isEqualTo("politics");
        assertThat(enrichment.lede()).startsWith("European allies of Kyiv are working on");
        assertThat(enrichment.summary()).contains("troops", "Ukraine").startsWith(enrichment.lede());
        assertThat(enrichment.wordCount()).isBetween(480, 560);
        assertThat(enrichment.readingTimeMinutes()).isEqualTo(3);
        assertThat(enrichment.fingerprint()).matches("[0-9a-f]{16}");
    }

    @Test
    void theSeedArticlesEntitiesAreCanonicalAndTheKeywordsDoNotRepeatThem() {
        var enrichment = enricher.enrich(SeedArticle.event("seed")).enrichment();

        assertThat(enrichment.organizations())
                .extracting(Enrichment.Entity::name)
                .doesNotContain("NATO Role");
        assertThat(enrichment.places())
                .extracting(Enrichment.Entity::key)
                .containsOnlyOnce("united-states")
                .doesNotHaveDuplicates();
        assertThat(enrichment.places()).extracting(Enrichment.Entity::name).doesNotContain("U.S.");
        assertThat(enrichment.keywords())
                .extracting(Enrichment.Keyword::term)
                .contains("troop deployment")
                .doesNotContain("von der Leyen", "troop", "deployment");
        assertThat(enrichment.tags()).doesNotContain("nato role", "u.s", "von der leyen");
    }

    @Test
    void tagsAreTheNormalisedCategoryEntitiesAndKeywords() {
        var enrichment = enricher.enrich(SeedArticle.event("seed")).enrichment();

        assertThat(enrichment.tags()).first().isEqualTo("politics");
        assertThat(enrichment.tags())
                .contains("peacekeeping", "security guarantees", "ursula von der leyen", "nato", "kyiv")
                .doesNotHaveDuplicates()
                .allSatisfy(tag -> assertThat(tag).isEqualTo(tag.toLowerCase()).doesNotStartWith(" "));
        assertThat(enrichment.people()).extracting(Enrichment.Entity::name).contains("Ursula von der Leyen");
        assertThat(enrichment.organizations())
                .extracting(Enrichment.Entity::name)
                .contains("NATO");
        assertThat(enrichment.places()).extracting(Enrichment.Entity::name).contains("Kyiv");
    }

    @Test
    void thePublishersTagsAreKeptNormalisedAndJoinTheTags() {
        var seed = SeedArticle.event("seed");
        var article = seed.article();
        var event = ArticleIngested.of(
                seed.articleId(),
                1,
                seed.occurredAt(),
                seed.contentHash(),
                seed.source(),
                new Article(
                        article.title(),
                        article.body(),
                        article.url(),
                        article.summary(),
                        article.authors(),
                        article.publishedAt(),
                        article.updatedAt(),
                        article.language(),
                        List.of("  Chess Olympiad ", "#Valencia!", "NATO", "chess olympiad", " "),
                        article.guid()));

        var enrichment = enricher.enrich(event).enrichment();

        assertThat(enrichment.publisherTags()).containsExactly("chess olympiad", "valencia", "nato");
        assertThat(enrichment.tags())
                .contains("chess olympiad", "valencia", "nato")
                .doesNotHaveDuplicates()
                .endsWith("chess olympiad", "valencia");
    }

    @Test
    void theSameEventGivesByteIdenticalJson() {
        var json = JsonMapper.builder().build();
        var event = SeedArticle.event("seed");

        var first = json.writeValueAsString(enricher.enrich(event));
        var second = json.writeValueAsString(enricher().enrich(event));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anArticleInAnotherLanguageGetsItsLanguageKeywordsAndNoEnglishCategory() {
        var event = ArticleIngested.of(
                "de-1",
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "sha256:de",
                Source.pushed("Tagesblatt", "tagesblatt.de"),
                new Article(
                        "Europa plant Friedensmission",
                        "Die europäischen Verbündeten arbeiten an sehr genauen Plänen für eine Friedensmission in der"
                                + " Ukraine. Die Sicherheitsgarantien sind entscheidend, sagte die Präsidentin der"
                                + " Kommission. Die Friedensmission soll nach einem Waffenstillstand beginnen.",
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        null));

        var enrichment = enricher.enrich(event).enrichment();

        assertThat(enrichment.language()).isEqualTo("de");
        assertThat(enrichment.category()).isNull();
        assertThat(enrichment.keywords()).extracting(Enrichment.Keyword::term).contains("Friedensmission");
        assertThat(enrichment.summary()).isNotBlank();
    }

    @Test
    void anEmptyBodyGivesAnEmptyButValidEnrichment() {
        var event = ArticleIngested.of(
                "empty",
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "sha256:e",
                Source.pushed("X", "x.com"),
                Article.of("12345", null));

        var enrichment = enricher.enrich(event).enrichment();

        assertThat(enrichment.wordCount()).isZero();
        assertThat(enrichment.fingerprint()).isNull();
        assertThat(enrichment.summary()).isNull();
    }
}
