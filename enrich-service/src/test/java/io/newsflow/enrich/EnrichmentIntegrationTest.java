package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.EventHeaders;
import io.newsflow.events.Source;
import io.newsflow.kafka.DeadLetters;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "newsflow.topics.raw=enrich-it.articles.raw",
            "newsflow.topics.enriched=enrich-it.articles.enriched",
            "spring.kafka.consumer.group-id=enrich-it",
            // An opt-in name finder besides the three shipped ones, so that the 512 MiB heap below holds four (the
            // Dutch model stands in for a Spanish one; surefire runs in the module's folder).
            "newsflow.enrich.entities.models=es=target/classes/entities/nl-ner-per-org-loc.bin"
        })
@Import({NewsflowTestInfrastructure.class, RawTopicConfiguration.class})
class EnrichmentIntegrationTest {

    private static final String RAW = "enrich-it.articles.raw";
    private static final String ENRICHED = "enrich-it.articles.enriched";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void publishesTheEnrichedArticleKeyedByIdWithTheSameRevision() {
        var ingested = ingested("<p>European allies of Kyiv are working on very precise plans to deploy troops.</p>");

        send(ingested);

        var enriched = awaitEnriched(ingested.articleId());
        assertThat(enriched.revision()).isEqualTo(ingested.revision());
        assertThat(enriched.ingestedEventId()).isEqualTo(ingested.eventId());
        assertThat(enriched.article()).isEqualTo(ingested.article());
        assertThat(enriched.enrichment().language()).isEqualTo("en");
        assertThat(enriched.enrichment().wordCount()).isEqualTo(13);
        assertThat(enriched.enrichment().text()).doesNotContain("<p>");
    }

    @Test
    void thePublishersTagsOfTheRawEventReachTheEnrichedEventNormalised() {
        var ingested = ArticleIngested.of(
                UUID.randomUUID().toString().replace("-", ""),
                1,
                Instant.parse("2025-03-01T10:00:00Z"),
                "sha256:t",
                Source.pushed("RksNews", "rksnews.com"),
                new Article(
                        "Plans for Ukraine",
                        "European allies of Kyiv are working on plans.",
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of("Chess Olympiad", " #Valencia "),
                        null));

        send(ingested);

        var enrichment = awaitEnriched(ingested.articleId()).enrichment();
        assertThat(enrichment.publisherTags()).containsExactly("chess olympiad", "valencia");
        assertThat(enrichment.tags()).contains("chess olympiad", "valencia");
    }

    @Test
    void enrichesTheSeedArticleThroughKafkaWithinA512MiBHeap() {
        var ingested = SeedArticle.event("seed-" + UUID.randomUUID());

        send(ingested);

        var enrichment = awaitEnriched(ingested.articleId()).enrichment();
        assertThat(enrichment.language()).isEqualTo("en");
        assertThat(enrichment.text()).doesNotContain("RksNews", "Min Read");
        assertThat(enrichment.keywords())
                .extracting(Enrichment.Keyword::term)
                .contains("peacekeeping", "security guarantees");
        assertThat(enrichment.category().label()).isEqualTo("politics");
        assertThat(enrichment.summary()).contains("European", "troops", "Ukraine");
        assertThat(enrichment.tags()).contains("politics", "peacekeeping", "security guarantees");
        assertThat(enrichment.fingerprint()).matches("[0-9a-f]{16}");
        // The build runs this module's tests with -Xmx512m: the service, with every configured language loaded (and
        // four name finders: en, de, nl and the opt-in one), has just enriched an article within that heap.
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(512L * 1024 * 1024);
    }

    @Test
    void aGermanArticleGetsGermanPeopleAndPlacesThroughKafka() {
        var ingested = ArticleIngested.of(
                "de-" + UUID.randomUUID(),
                1,
                Instant.parse("2025-03-01T10:00:00Z"),
                "sha256:de",
                Source.pushed("Tagesblatt", "tagesblatt.de"),
                Article.of(
                        "Scholz reist nach Paris",
                        "Außenministerin Annalena Baerbock war in Berlin zu Gesprächen mit dem polnischen"
                                + " Außenminister Radosław Sikorski. Herr Sikorski lobte die Zusammenarbeit zwischen"
                                + " Warschau und Berlin."));

        send(ingested);

        var enrichment = awaitEnriched(ingested.articleId()).enrichment();
        assertThat(enrichment.language()).isEqualTo("de");
        assertThat(enrichment.people())
                .extracting(Enrichment.Entity::name)
                .contains("Annalena Baerbock", "Radosław Sikorski");
        assertThat(enrichment.places()).extracting(Enrichment.Entity::name).contains("Berlin", "Warschau");
    }

    @Test
    void anArticleAsLargeAsIngestAcceptsIsEnrichedAndPublishedWhole() {
        // Some 900,000 characters, under ingest's max-article-size (1 MB): its enriched event, the article and its
        // text, is about twice that, over Kafka's default record size of 1 MB (so this failed before 4 MB was set).
        var body = new StringBuilder();
        for (var i = 0; body.length() < 900_000; i++) {
            body.append("<p>Paragraph ")
                    .append(i)
                    .append(" of the report: allies of Kyiv plan to deploy troops.</p>\n");
        }
        var ingested = ingested(body.toString());

        send(ingested);

        var enrichment = awaitEnriched(ingested.articleId()).enrichment();
        assertThat(enrichment.text()).hasSizeGreaterThan(750_000).endsWith("allies of Kyiv plan to deploy troops.");
        assertThat(enrichment.keywords()).isNotEmpty();
    }

    @Test
    void deadLettersAPoisonMessageWithItsReasonAndKeepsThePartitionMoving() {
        var key = "poison-" + UUID.randomUUID();
        KafkaRecords.send(RAW, key, "{not json", Map.of("origin", "test"));
        var next = ingested("A good article sent after the poison one, in English, about plans.");
        // Same key, so the same partition: the good article is only enriched if the poison one does not block.
        var sameKey =
                new ArticleIngested(next.eventId(), 1, key, 1, next.occurredAt(), "h", next.source(), next.article());
        send(sameKey);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var deadLetters = KafkaRecords.withKey(DeadLetters.topicFor(RAW), key);
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.getFirst().value()).isEqualTo("{not json");
            assertThat(KafkaRecords.header(deadLetters.getFirst(), "kafka_dlt-exception-message"))
                    .isNotBlank();
            assertThat(KafkaRecords.header(deadLetters.getFirst(), "origin")).isEqualTo("test");
        });
        assertThat(awaitEnriched(key).revision()).isEqualTo(1);
    }

    @Test
    void deadLettersAnEventOfAnUnknownSchemaVersionWithoutRetrying() {
        var ingested = ingested("Text of a future event.");
        var future = new ArticleIngested(
                ingested.eventId(),
                2,
                ingested.articleId(),
                1,
                ingested.occurredAt(),
                "h",
                ingested.source(),
                ingested.article());

        send(future);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var deadLetters = KafkaRecords.withKey(DeadLetters.topicFor(RAW), ingested.articleId());
            assertThat(deadLetters).hasSize(1);
            assertThat(KafkaRecords.header(deadLetters.getFirst(), "kafka_dlt-exception-message"))
                    .contains("unsupported schemaVersion 2");
        });
        assertThat(KafkaRecords.withKey(ENRICHED, ingested.articleId())).isEmpty();
    }

    @Test
    void aPoisonRecordInTheMiddleOfAPollIsDeadLetteredAndTheOthersArePublished() {
        var key = "batch-" + UUID.randomUUID();
        var base = ingested("An article in English about the plans of the allies, one of a poll.");
        // Same key, so one partition in this order: revision 2, of an unknown schema version, between 1 and 3; sent
        // while the listener is paused, so that they come in one poll.
        var container = listeners.getListenerContainer("enrich");
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
        send(new ArticleIngested("e1-" + key, 1, key, 1, base.occurredAt(), "h", base.source(), base.article()));
        send(new ArticleIngested("e2-" + key, 2, key, 2, base.occurredAt(), "h", base.source(), base.article()));
        send(new ArticleIngested("e3-" + key, 1, key, 3, base.occurredAt(), "h", base.source(), base.article()));
        container.resume();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var deadLetters = KafkaRecords.withKey(DeadLetters.topicFor(RAW), key);
            assertThat(deadLetters).hasSize(1);
            assertThat(KafkaRecords.header(deadLetters.getFirst(), "kafka_dlt-exception-message"))
                    .contains("unsupported schemaVersion 2");
            assertThat(KafkaRecords.withKey(ENRICHED, key).stream()
                            .map(record -> json.readValue(record.value(), ArticleEnriched.class)
                                    .revision()))
                    .containsExactly(1L, 3L);
        });
    }

    @Test
    void replayingAnEventGivesAnIdenticalEnrichedEvent() {
        // The seed article exercises every step whose output could vary: rankings, scores, the fingerprint.
        var ingested = SeedArticle.event("replay-" + UUID.randomUUID());

        send(ingested);
        send(ingested);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KafkaRecords.withKey(ENRICHED, ingested.articleId()))
                        .hasSize(2));
        var values = KafkaRecords.withKey(ENRICHED, ingested.articleId()).stream()
                .map(record -> record.value())
                .distinct()
                .toList();
        assertThat(values).hasSize(1);
    }

    private ArticleEnriched awaitEnriched(String articleId) {
        return await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KafkaRecords.withKey(ENRICHED, articleId), records -> !records.isEmpty())
                .stream()
                .map(record -> json.readValue(record.value(), ArticleEnriched.class))
                .findFirst()
                .orElseThrow();
    }

    private void send(ArticleIngested event) {
        KafkaRecords.send(
                RAW,
                event.articleId(),
                json.writeValueAsString(event),
                Map.of(EventHeaders.EVENT_TYPE, ArticleIngested.TYPE));
    }

    private static ArticleIngested ingested(String body) {
        return ArticleIngested.of(
                UUID.randomUUID().toString().replace("-", ""),
                1,
                Instant.parse("2025-03-01T10:00:00Z"),
                "sha256:x",
                Source.pushed("RksNews", "rksnews.com"),
                Article.of("Plans for Ukraine", body));
    }
}
