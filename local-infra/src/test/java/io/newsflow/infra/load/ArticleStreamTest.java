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

        var report = new ArticleStream(ingest.uri(), out).send(articles, 20, Optional.of(ids));

        assertThat(report.accepted()).isEqualTo(12);
        assertThat(ingest.batches).extracting(List::size).containsExactly(10, 2);
        assertThat(ingest.batches.stream().flatMap(List::stream).map(JsonNode::toString))
                .hasSize(12)
                .doesNotHaveDuplicates();
        assertThat(Files.readAllLines(ids))
                .hasSize(12)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(report.ids());
    }

    @Test
    void endsBetweenTwoBatchesOnceTheStopFileExists() throws IOException {
        var stop = Files.createFile(folder.resolve("stop"));
        var articles = ArticleStream.articles(templates(), "run10", 0, 12, NOW);

        var report = new ArticleStream(ingest.uri(), out).send(articles, 20, Optional.empty(), Optional.of(stop));

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

        assertThat(ScalingRun.run(args, Map.of(), out)).isTrue();
        assertThat(ScalingRun.run(args, Map.of(), out)).isFalse();
        // the duplicates' ids too: the check then finds an id acknowledged for two articles
        var ids = Files.readAllLines(folder.resolve("ids"));
        assertThat(ids).hasSize(8);
        assertThat(ids.stream().distinct()).hasSize(4);
    }
}
