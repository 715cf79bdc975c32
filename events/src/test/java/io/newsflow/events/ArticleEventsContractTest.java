package io.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.events.Enrichment.Category;
import io.newsflow.events.Enrichment.Entity;
import io.newsflow.events.Enrichment.Keyword;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArticleEventsContractTest {

    private static final String SCHEMA = "classpath:schemas/article-events-v1.schema.json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final ArticleIngested ingested = ArticleIngested.of(
            "3f2a9c1e0b7d4e5f8a6b1c2d3e4f5a6b",
            2,
            Instant.parse("2025-03-01T10:15:30Z"),
            "sha256:abc",
            Source.pushed("RksNews", "rksnews.com"),
            new Article(
                    "Europe advances plans",
                    "<p>European allies of Kyiv…</p>",
                    "https://rksnews.com/europe",
                    null,
                    List.of("Staff"),
                    Instant.parse("2025-03-01T08:00:00Z"),
                    null,
                    "en",
                    null,
                    null));

    @Test
    void ingestedEventMatchesItsPublishedSchema() {
        assertThat(schema("ArticleIngested").validate(json.writeValueAsString(ingested), InputFormat.JSON))
                .isEmpty();
    }

    @Test
    void enrichedEventMatchesItsPublishedSchema() {
        var enriched = ArticleEnriched.from(ingested, enrichment());

        assertThat(schema("ArticleEnriched").validate(json.writeValueAsString(enriched), InputFormat.JSON))
                .isEmpty();
    }

    @Test
    void schemaRejectsAnEventWithoutArticleId() {
        var withoutId = new ArticleIngested(
                ingested.eventId(), 1, null, 1, Instant.now(), "h", ingested.source(), ingested.article());

        assertThat(schema("ArticleIngested").validate(json.writeValueAsString(withoutId), InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void roundTripsThroughJsonWithInstantsAsIsoStrings() {
        var text = json.writeValueAsString(ingested);

        assertThat(text).contains("\"occurredAt\":\"2025-03-01T10:15:30Z\"");
        assertThat(json.readValue(text, ArticleIngested.class)).isEqualTo(ingested);
    }

    @Test
    void consumersIgnoreFieldsAddedByALaterMinorVersion() {
        var text = json.writeValueAsString(ArticleEnriched.from(ingested, enrichment()))
                .replaceFirst("\\{", "{\"addedLater\":{\"x\":1},")
                .replace("\"wordCount\"", "\"sentiment\":0.4,\"wordCount\"");

        var read = json.readValue(text, ArticleEnriched.class);

        assertThat(read.enrichment().wordCount()).isEqualTo(5);
        assertThat(read.articleId()).isEqualTo(ingested.articleId());
    }

    @Test
    void enrichingTheSameEventTwiceGivesTheSameEventId() {
        assertThat(ArticleEnriched.from(ingested, enrichment()))
                .isEqualTo(ArticleEnriched.from(ingested, enrichment()));
        assertThat(ArticleEnriched.from(ingested, enrichment()).eventId()).isNotEqualTo(ingested.eventId());
    }

    @Test
    void missingListsBecomeEmptyListsSoConsumersNeverSeeNull() {
        var text = "{\"title\":\"t\"}";

        var article = json.readValue(text, Article.class);

        assertThat(article.authors()).isEmpty();
        assertThat(article.tags()).isEmpty();
    }

    @Test
    void anEnrichedEventFromBeforePublisherTagsReadsWithNone() {
        var text = json.writeValueAsString(ArticleEnriched.from(ingested, enrichment()))
                .replace(",\"publisherTags\":[\"ukraine\"]", "");
        assertThat(text).doesNotContain("publisherTags");

        var read = json.readValue(text, ArticleEnriched.class);

        assertThat(read.enrichment().publisherTags()).isEmpty();
        assertThat(schema("ArticleEnriched").validate(text, InputFormat.JSON)).isEmpty();
    }

    @Test
    void headersNameTheEventTypeAndSchemaVersionAsUtf8Text() {
        var headers = EventHeaders.of(ArticleIngested.TYPE, 1);

        assertThat(headers).containsOnlyKeys(EventHeaders.EVENT_TYPE, EventHeaders.SCHEMA_VERSION);
        assertThat(new String(headers.get(EventHeaders.EVENT_TYPE), StandardCharsets.UTF_8))
                .isEqualTo("newsflow.article.ingested");
        assertThat(new String(headers.get(EventHeaders.SCHEMA_VERSION), StandardCharsets.UTF_8))
                .isEqualTo("1");
    }

    private Schema schema(String definition) {
        return schemas.getSchema(SchemaLocation.of(SCHEMA + "#/$defs/" + definition));
    }

    private static Enrichment enrichment() {
        return new Enrichment(
                "en",
                "European allies of Kyiv.",
                List.of(new Keyword("peacekeeping mission", 0.9)),
                List.of(new Entity("Ursula von der Leyen", 3)),
                List.of(new Entity("NATO", 1)),
                List.of(new Entity("Kyiv", 2)),
                new Category("politics", 0.93, "medtop:11000000", "politics"),
                List.of("peacekeeping mission", "ursula von der leyen"),
                "European allies of Kyiv.",
                "European allies of Kyiv.",
                5,
                1,
                "00ff00ff00ff00ff",
                List.of("ukraine"));
    }
}
