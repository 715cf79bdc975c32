package io.newsflow.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArticleStreamTest {

    private static final Instant NOW = Instant.parse("2026-12-01T13:00:00.250Z");

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();
    private final FakeIngest ingest = new FakeIngest();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    ArticleStreamTest() throws IOException {}

    @AfterEach
    void stop() {
        ingest.close();
    }

    private List<Item> templates() {
        var first = json.createObjectNode()
                .put("title", "Harbour cranes return")
                .put("body", "New cranes arrive.")
                .put("url", "https://news.example.com/1")
                .put("guid", "one");
        first.putObject("original").put("corpus", "a corpus");
        var second = json.createObjectNode().put("title", "Rail strike ends").put("body", "Trains run again.");
        return List.of(new Item("demo.ndjson:1", first), new Item("demo.ndjson:2", second));
    }

    @Test
    void everyArticleOfTheStreamIsANewOneOfTheRunsSource() {
        var articles = ArticleStream.articles(templates(), "run7", 10, 5, NOW);

        assertThat(articles).hasSize(5);
        assertThat(articles)
                .extracting(item -> item.article().path("guid").asString())
                .containsExactly("run7/10", "run7/11", "run7/12", "run7/13", "run7/14");
        assertThat(articles)
                .extracting(item -> item.article().path("title").asString())
                .startsWith("Harbour cranes return (run7 #10)", "Rail strike ends (run7 #11)")
                .doesNotHaveDuplicates();
        assertThat(articles).allSatisfy(item -> {
            assertThat(item.article().path("source").path("name").asString()).isEqualTo("scaling-run7");
            assertThat(item.article().path("publishedAt").asString()).isEqualTo("2026-12-01T13:00:00Z");
            // the template's URL would give all its copies one id
            assertThat(item.article().has("url")).isFalse();
            assertThat(item.article().has("original")).isFalse();
        });
        assertThat(templates().getFirst().article().path("guid").asString())
                .as("the templates stay as they are")
                .isEqualTo("one");
    }

    @Test
    void aStreamWithoutTemplatesIsRefused() {
        assertThatThrownBy(() -> ArticleStream.articles(List.of(), "run", 0, 3, NOW))
                .isInstanceOf(LoadException.class);
    }

    @Test
    void batchesAreDueAtTheRate() {
        assertThat(ArticleStream.batchSize(20)).isEqualTo(10);
        assertThat(ArticleStream.batchSize(1)).isEqualTo(1);
        assertThat(ArticleStream.dueAfter(0, 20)).isEqualTo(Duration.ZERO);
        assertThat(ArticleStream.dueAfter(10, 20)).isEqualTo(Duration.ofMillis(500));
        assertThat(ArticleStream.dueAfter(300, 20)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void sendsEveryArticleInBatchesAndWritesTheAcknowledgedIds() throws IOException {
        var ids = folder.resolve("ids");
        var articles = ArticleStream.articles(templates(), "run8", 0, 12, NOW);

        var report =
                new ArticleStream(ingest.uri(), Optional.of(FakeIngest.KEY), out).send(articles, 20, Optional.of(ids));

        assertThat(report.accepted()).isEqualTo(12);
        assertThat(ingest.batches).extracting(List::size).containsExactly(10, 2);
        assertThat(ingest.batches.stream().flatMap(List::stream).map(JsonNode::toString))
                .hasSize(12)
                .doesNotHaveDuplicates();
        assertThat(Acknowledged.parse(Files.readAllLines(ids)))
                .hasSize(12)
                .doesNotHaveDuplicates()
                .allSatisfy(article -> assertThat(article.revision()).isEqualTo(1))
                .extracting(Acknowledged::id)
                .containsExactlyInAnyOrderElementsOf(report.ids());
    }

    @Test
    void endsBetweenTwoBatchesOnceTheStopFileExists() throws IOException {
        var stop = Files.createFile(folder.resolve("stop"));
        var articles = ArticleStream.articles(templates(), "run10", 0, 12, NOW);

        var report = new ArticleStream(ingest.uri(), Optional.of(FakeIngest.KEY), out)
                .send(articles, 20, Optional.empty(), Optional.of(stop));

        assertThat(report.sent()).isZero();
        assertThat(ingest.batches).isEmpty();
    }

    @Test
    void theSameStreamAgainIsAllDuplicatesAndTheCommandSaysSo() throws IOException {
        var templates = folder.resolve("templates.ndjson");
        Files.writeString(
                templates,
                """
                {"title": "Harbour cranes return", "body": "New cranes arrive."}
                {"title": "Rail strike ends", "body": "Trains run again."}
                """);
        var args = List.of(
                "stream",
                "--run",
                "run9",
                "--count",
                "4",
                "--rate",
                "100",
                "--ingest",
                ingest.uri().toString(),
                "--templates",
                templates.toString(),
                "--ids",
                folder.resolve("ids").toString());

        // the key compose's admin key reaches the stream by
        var env = Map.of("NEWSFLOW_API_KEY", FakeIngest.KEY);
        assertThat(ScalingRun.run(args, env, out)).isTrue();
        assertThat(ScalingRun.run(args, env, out)).isFalse();
        // the duplicates' ids too: the check then finds an id acknowledged for two articles
        var ids = Files.readAllLines(folder.resolve("ids"));
        assertThat(ids).hasSize(8);
        assertThat(ids.stream().distinct()).hasSize(4);
    }

    @Test
    void everyFifthArticleComesAgainChangedALagLater() {
        var articles = ArticleStream.articles(templates(), "run11", 0, 12, NOW);

        var stream = ArticleStream.withRevisions(articles, 5, 3);

        // #0 after #3, #5 after #8, #10 would come after #13, which the stream does not reach
        assertThat(stream)
                .extracting(item -> item.article().path("guid").asString())
                .containsExactly(
                        "run11/0",
                        "run11/1",
                        "run11/2",
                        "run11/3",
                        "run11/0",
                        "run11/4",
                        "run11/5",
                        "run11/6",
                        "run11/7",
                        "run11/8",
                        "run11/5",
                        "run11/9",
                        "run11/10",
                        "run11/11");
        var original = stream.getFirst().article();
        var revised = stream.get(4).article();
        assertThat(revised.path("title").asString())
                .isEqualTo(original.path("title").asString() + " (revised)");
        assertThat(revised.path("body").asString())
                .startsWith(original.path("body").asString())
                .isNotEqualTo(original.path("body").asString());
        assertThat(original.path("title").asString()).doesNotContain("revised");
    }

    @Test
    void aTolerantStreamCountsABatchIngestRefusedAndGoesOnWithTheRevisionsAcknowledged() {
        ingest.unavailable.set(1);
        var articles = ArticleStream.withRevisions(ArticleStream.articles(templates(), "run12", 0, 20, NOW), 5, 12);
        var acknowledged = new java.util.ArrayList<Acknowledged>();

        var report = ArticleStream.tolerant(ingest.uri(), Optional.of(FakeIngest.KEY), out)
                .send(articles, 20, acknowledged::addAll, () -> false);

        // 20 articles and the revisions of #0, #5: the first batch of 10 was answered 503, not retried
        assertThat(report.sent()).isEqualTo(22);
        assertThat(report.rejected()).hasSize(10);
        assertThat(report.rejected().getFirst().reason())
                .startsWith("not acknowledged: ")
                .contains("503");
        assertThat(acknowledged).hasSize(12);
        // #0 and #5 were refused the first time, so their changed copy is new to ingest
        assertThat(acknowledged).extracting(Acknowledged::revision).containsOnly(1L);
    }

    @Test
    void aRevisionIngestTookIsAcknowledgedAtItsNewRevision() {
        var articles = ArticleStream.withRevisions(ArticleStream.articles(templates(), "run13", 0, 4, NOW), 2, 1);
        var acknowledged = new java.util.ArrayList<Acknowledged>();

        ArticleStream.tolerant(ingest.uri(), Optional.of(FakeIngest.KEY), out)
                .send(articles, 100, acknowledged::addAll, () -> false);

        assertThat(acknowledged).extracting(Acknowledged::revision).containsExactly(1L, 1L, 2L, 1L, 1L, 2L);
        assertThat(IndexAudit.of(acknowledged, List.of()).revised()).isEqualTo(2);
    }

    @Test
    void anUntolerantStreamStopsAtTheFirstBatchIngestRefused() {
        ingest.unavailable.set(10);
        var articles = ArticleStream.articles(templates(), "run14", 0, 4, NOW);

        assertThatThrownBy(() -> new ArticleStream(ingest.uri(), Optional.of(FakeIngest.KEY), out)
                        .send(articles, 100, Optional.empty()))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("503");
    }
}
