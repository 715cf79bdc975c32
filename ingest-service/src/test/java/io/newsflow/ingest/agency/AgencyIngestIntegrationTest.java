package io.newsflow.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.events.ArticleIngested;
import io.newsflow.ingest.agency.AgencyCorpus.Sample;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every IPTC example that carries an article, pushed to the real service, is on the real raw topic with its fields;
 * every invalid unit-test item and example is a 400 problem that names the format and what is wrong.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the topics of ArticleIngestIntegrationTest, so that both share one application context
        properties = {
            "newsflow.topics.raw=ingest-it.articles.raw",
            "newsflow.topics.ingest-state=ingest-it.articles.ingest-state"
        })
@Import(NewsflowTestInfrastructure.class)
class AgencyIngestIntegrationTest {

    private static final String RAW = "ingest-it.articles.raw";
    private static final MediaType G2 = MediaType.parseMediaType(AgencyMediaTypes.NEWSML_G2);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void everyExampleThatCarriesAnArticleIsPublishedWithItsFields() {
        var pushed = new ArrayList<Pushed>();
        for (var sample : AgencyCorpus.newsMlExamples()) {
            if (AgencyItemsTest.G2_ARTICLES.contains(sample.path().getFileName().toString())) {
                pushed.add(push(sample, G2, AgencyItemsTest.attribute(sample, "guid")));
            }
        }
        for (var sample : AgencyCorpus.ninjsExamples()) {
            if (!AgencyItemsTest.NINJS_NOT_VALID.contains(sample.name())
                    && !AgencyItemsTest.NINJS_NO_ARTICLE.contains(sample.name())) {
                pushed.add(
                        push(sample, AgencyItemsTest.ninjs(sample.version()), AgencyItemsTest.property(sample, "uri")));
            }
        }

        assertThat(pushed).hasSizeGreaterThan(50);
        var events = KafkaRecords.readAll(RAW).stream()
                .map(record -> json.readValue(record.value(), ArticleIngested.class))
                .toList();
        for (var item : pushed) {
            var event = events.stream()
                    .filter(e -> e.articleId().equals(item.id()) && e.revision() == item.revision())
                    .findFirst();
            assertThat(event).as("the event of %s", item.sample()).isPresent();
            var article = event.get().article();
            assertThat(article.guid()).as(item.sample().name()).isEqualTo(item.guid());
            assertThat(article.title()).isNotBlank();
            assertThat(article.body()).isNotBlank();
        }
        var fed = pushed.stream()
                .filter(item -> item.sample().name().endsWith("LISTING_2_NewsML-G2_Text_Document.xml"))
                .findFirst()
                .orElseThrow();
        // the agency's version 11 is the revision
        assertThat(fed.revision()).isEqualTo(11);
        var article = events.stream()
                .filter(e -> e.articleId().equals(fed.id()))
                .findFirst()
                .orElseThrow()
                .article();
        assertThat(article.title()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(article.authors()).containsExactly("Meredith Jameson");
        assertThat(article.tags()).contains("central bank");
        assertThat(article.language()).isEqualTo("en-US");
        assertThat(article.publishedAt()).hasToString("2016-11-21T20:21:06Z");
    }

    @Test
    void everyInvalidItemIsA400ProblemNamingTheFormatAndWhatIsWrong() {
        var invalid = Stream.concat(
                        AgencyCorpus.newsMlUnitTests("should_fail").stream().map(sample -> new Typed(sample, G2)),
                        AgencyCorpus.ninjsUnitTests("should_fail").stream()
                                .map(sample -> new Typed(sample, AgencyItemsTest.ninjs(sample.version()))))
                .toList();

        assertThat(invalid).hasSizeGreaterThan(60);
        for (var item : invalid) {
            var problem = http().post()
                    .uri("/api/v1/articles")
                    .contentType(item.type())
                    .body(item.sample().bytes())
                    .exchange((request, response) -> {
                        assertThat(response.getStatusCode().value())
                                .as(item.sample().name())
                                .isEqualTo(400);
                        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
                        return json.readTree(response.getBody());
                    });
            assertThat(problem.path("type").asString()).startsWith("https://newsflow.io/problems/");
            assertThat(problem.path("format").asString())
                    .as(item.sample().name())
                    .matches("NewsML-G2|ninjs( .+)?");
            assertThat(problem.path("detail").asString()).isNotBlank();
            assertThat(problem.path("errors").get(0).path("message").asString())
                    .as(item.sample().name())
                    .isNotBlank();
        }
    }

    @Test
    void aConceptItemIsRefusedAsNoArticle() {
        var sample = AgencyCorpus.newsMlExamples().stream()
                .filter(s -> s.name().contains("LISTING_10_"))
                .findFirst()
                .orElseThrow();

        var problem = http().post()
                .uri("/api/v1/articles")
                .contentType(G2)
                .body(sample.bytes())
                .exchange((request, response) -> json.readTree(response.getBody()));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("https://newsflow.io/problems/not-an-article");
        assertThat(problem.path("detail").asString()).contains("<conceptItem>");
    }

    @Test
    void anOlderVersionAfterANewerOneIsA409NamingBothAndPublishesNothing() {
        var guid = "urn:newsml:acmenews.com:" + UUID.randomUUID();

        var v12 = post(AgencyCorpus.newsItem(guid, 12, "Fed to halt QE"));
        var v11 = post(AgencyCorpus.newsItem(guid, 11, "Fed may halt QE"));
        var v12Again = post(AgencyCorpus.newsItem(guid, 12, "Fed to halt QE"));
        var v13 = post(AgencyCorpus.newsItem(guid, 13, "Fed halts QE"));

        assertThat(v12.status()).isEqualTo(202);
        assertThat(v12.body().path("revision").asLong()).isEqualTo(12);
        var id = v12.body().path("id").asString();
        assertThat(v11.status()).isEqualTo(409);
        assertThat(v11.contentType()).isEqualTo("application/problem+json");
        assertThat(v11.body().path("type").asString()).isEqualTo("https://newsflow.io/problems/stale-version");
        assertThat(v11.body().path("articleId").asString()).isEqualTo(id);
        assertThat(v11.body().path("recordedVersion").asLong()).isEqualTo(12);
        assertThat(v11.body().path("recordedRevision").asLong()).isEqualTo(12);
        assertThat(v11.body().path("sentVersion").asLong()).isEqualTo(11);
        assertThat(v11.body().path("detail").asString()).contains("version 12", "version 11");
        assertThat(v12Again.status()).isEqualTo(202);
        assertThat(v12Again.body().path("outcome").asString()).isEqualTo("duplicate");
        assertThat(v12Again.body().path("revision").asLong()).isEqualTo(12);
        assertThat(v13.status()).isEqualTo(202);
        assertThat(v13.body().path("outcome").asString()).isEqualTo("updated");
        assertThat(v13.body().path("revision").asLong()).isEqualTo(13);
        assertThat(KafkaRecords.withKey(RAW, id))
                .extracting(record -> json.readValue(record.value(), ArticleIngested.class))
                .extracting(ArticleIngested::revision, event -> event.article().title())
                .containsExactly(tuple(12L, "Fed to halt QE"), tuple(13L, "Fed halts QE"));
    }

    private Answer post(byte[] item) {
        return http().post()
                .uri("/api/v1/articles")
                .contentType(G2)
                .body(item)
                .exchange((request, response) -> new Answer(
                        response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        json.readTree(response.getBody())));
    }

    private record Answer(int status, String contentType, JsonNode body) {}

    private Pushed push(Sample sample, MediaType type, String guid) {
        JsonNode result = http().post()
                .uri("/api/v1/articles")
                .contentType(type)
                .body(sample.bytes())
                .exchange((request, response) -> {
                    var answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value())
                            .as("%s: %s", sample.name(), answer)
                            .isEqualTo(202);
                    return json.readTree(answer);
                });
        return new Pushed(
                sample,
                guid,
                result.path("id").asString(),
                result.path("revision").asLong());
    }

    private record Pushed(Sample sample, String guid, String id, long revision) {}

    private record Typed(Sample sample, MediaType type) {}

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }
}
