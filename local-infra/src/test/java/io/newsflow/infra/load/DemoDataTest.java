package io.newsflow.infra.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoDataTest {

    /** The demo data that ships with the project, as {@code up} loads it. */
    private static final Path SHIPPED = Path.of("..", "samples", "demo", "articles.ndjson.gz");

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path home;

    private final FakeIngest ingest = new FakeIngest();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    DemoDataTest() throws IOException {}

    @AfterEach
    void stop() {
        ingest.close();
    }

    private DemoData demo(Instant now) {
        return new DemoData(
                home.resolve("samples"),
                home.resolve(".newsflow/demo-anchor"),
                ingest.uri(),
                Optional.of(FakeIngest.KEY),
                ingest.uri(),
                Optional.of(FakeIngest.KEY),
                Clock.fixed(now, ZoneOffset.UTC),
                out);
    }

    private List<Item> items(int count) {
        var json = JsonMapper.builder().build();
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Item(
                        "demo:" + (i + 1),
                        json.createObjectNode()
                                .put("title", "Article " + i)
                                .put("publishedAt", "1926-03-02T00:00:00Z")
                                .set("original", json.createObjectNode().put("date", "1926-03-02"))))
                .toList();
    }

    @Test
    void spreadsTheArticlesInTheirOrderOverTheLastSevenDaysAndDropsTheNotesOnTheirOrigin() {
        var redated = DemoData.redated(items(5), NOW);

        assertThat(redated)
                .extracting(
                        item -> Instant.parse(item.article().path("publishedAt").asString()))
                .containsExactly(
                        NOW.minus(Duration.ofDays(7)),
                        NOW.minus(Duration.ofHours(126)),
                        NOW.minus(Duration.ofHours(84)),
                        NOW.minus(Duration.ofHours(42)),
                        NOW);
        assertThat(redated)
                .allSatisfy(item -> assertThat(item.article().has("original")).isFalse());
        assertThat(redated).extracting(Item::origin).startsWith("demo:1");
    }

    @Test
    void keepsItsAnchorForADaySoThatASecondLoadSendsTheSameArticles() {
        var first = demo(NOW).anchor();
        var anHourLater = demo(NOW.plus(Duration.ofHours(1))).anchor();
        var twoDaysLater = demo(NOW.plus(Duration.ofDays(2))).anchor();

        assertThat(first).isEqualTo(NOW);
        assertThat(anHourLater).isEqualTo(NOW);
        assertThat(twoDaysLater).isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void loadsTheDemoAndTheOtherSamplesOnceAndWaitsUntilSearchFindsThem() throws IOException {
        var samples = Files.createDirectories(home.resolve("samples/demo"));
        Files.copy(SHIPPED, samples.resolve("articles.ndjson.gz"));
        Files.writeString(home.resolve("samples/seed.json"), "{\"title\": \"Seed\", \"body\": \"The first one.\"}");
        Files.writeString(home.resolve("samples/README.md"), "about the samples");
        Files.writeString(samples.resolve("build.py"), "print('not an article')");
        var shipped = new ArticleReader(JsonMapper.builder().build(), Optional.empty())
                .read(List.of(SHIPPED))
                .items()
                .size();

        var first = demo(NOW).load();
        var second = demo(NOW.plus(Duration.ofHours(2))).load();

        assertThat(first.accepted()).isEqualTo(shipped + 1);
        assertThat(first.clean()).isTrue();
        assertThat(second.accepted()).isZero();
        assertThat(second.duplicates()).isEqualTo(shipped + 1);
        var demoItems = ingest.batches.getFirst();
        assertThat(Instant.parse(demoItems.getFirst().path("publishedAt").asString()))
                .isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(Instant.parse(demoItems.getLast().path("publishedAt").asString()))
                .isEqualTo(NOW);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Demo data (samples/demo): " + shipped + " articles, published over the 7 days up to " + NOW)
                .contains((shipped + 1) + " articles searchable");
    }

    @Test
    void theShippedDemoDataIsSeveralHundredArticlesFromSeveralSourcesAndLanguagesWithTheirOrigin() {
        var read = new ArticleReader(JsonMapper.builder().build(), Optional.empty()).read(List.of(SHIPPED));
        var articles = read.items().stream().map(Item::article).toList();

        assertThat(read.problems()).isEmpty();
        assertThat(articles).hasSizeGreaterThanOrEqualTo(300);
        assertThat(articles).allSatisfy(article -> {
            assertThat(article.path("title").asString()).isNotBlank();
            assertThat(article.path("body").asString()).isNotBlank();
            assertThat(article.path("source").path("name").asString()).isNotBlank();
            assertThat(article.path("original").path("licence").asString()).isNotBlank();
            assertThat(article.path("original").path("corpus").asString()).isNotBlank();
            assertThat(article.has("url") || article.has("guid")).isTrue();
        });
        assertThat(articles.stream()
                        .map(a -> a.path("source").path("name").asString())
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(articles.stream().map(a -> a.path("language").asString()).distinct())
                .contains("de", "nl", "fr", "en", "sv");
    }

    @Test
    void theShippedDemoDataHasATextThatTwoSourcesDistributed() {
        var read = new ArticleReader(JsonMapper.builder().build(), Optional.empty()).read(List.of(SHIPPED));
        var sourcesByBody = new HashMap<String, java.util.Set<String>>();
        for (var item : read.items()) {
            JsonNode article = item.article();
            sourcesByBody
                    .computeIfAbsent(article.path("body").asString(), body -> new HashSet<>())
                    .add(article.path("source").path("name").asString());
        }

        assertThat(sourcesByBody.values())
                .anySatisfy(sources -> assertThat(sources).contains("TT", "IPTC ninjs examples"));
    }
}
