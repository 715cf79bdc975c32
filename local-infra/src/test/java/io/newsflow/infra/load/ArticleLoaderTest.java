package io.newsflow.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ArticleLoaderTest {

    @TempDir
    Path folder;

    private final FakeIngest ingest = new FakeIngest();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    ArticleLoaderTest() throws IOException {}

    @AfterEach
    void stop() {
        ingest.close();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private LoadReport load(Path... paths) {
        var report = new ArticleLoader(ingest.uri(), Optional.of(FakeIngest.KEY), out)
                .load(List.of(paths), Optional.empty());
        report.print(out);
        return report;
    }

    @Test
    void loadsEveryKindOfFileInAFolderAndNamesWhatItSkipped() throws IOException {
        Files.writeString(
                folder.resolve("one.json"),
                """
                {"title": "Harbour cranes return", "body": "New cranes arrive.", "url": "https://news.example.com/1"}""");
        Files.writeString(
                folder.resolve("many.json"),
                """
                [{"title": "First", "body": "One."}, {"title": "Second", "url": "https://news.example.com/2"}]""");
        Files.writeString(
                folder.resolve("lines.ndjson"),
                """
                {"title": "Line one", "body": "A."}

                {"title": "Line three", "body": "C."}
                """);
        gzip(folder.resolve("packed.jsonl.gz"), "{\"title\": \"Packed\", \"body\": \"Zipped.\"}\n");
        Files.createDirectories(folder.resolve("corpus"));
        Files.writeString(
                folder.resolve("corpus/story.txt"), "\n  Rotterdam gets new cranes  \nThe port said so.\n\nMore.\n");
        Files.writeString(folder.resolve("README.md"), "not an article");

        var report = load(folder);

        assertThat(report.accepted()).isEqualTo(7);
        assertThat(report.clean()).isTrue();
        assertThat(report.skipped()).containsExactly(folder.resolve("README.md").toString());
        var sent = ingest.batches.stream().flatMap(List::stream).toList();
        assertThat(sent)
                .extracting(item -> item.path("title").asString())
                .containsExactlyInAnyOrder(
                        "Harbour cranes return",
                        "First",
                        "Second",
                        "Line one",
                        "Line three",
                        "Packed",
                        "Rotterdam gets new cranes");
        JsonNode text = sent.stream()
                .filter(item -> item.path("title").asString().startsWith("Rotterdam"))
                .findFirst()
                .orElseThrow();
        assertThat(text.path("body").asString()).isEqualTo("The port said so.\n\nMore.");
        assertThat(text.path("source").path("name").asString())
                .isEqualTo(folder.getFileName().toString());
        assertThat(text.path("guid").asString())
                .isEqualTo(Path.of("corpus", "story.txt").toString());
        assertThat(printed())
                .contains("Sent 7 articles to ingest: 7 accepted, 0 updated, 0 duplicates, 0 rejected.")
                .contains("Skipped 1 file that is not");
    }

    @Test
    void reportsRejectedArticlesAndUnreadableFilesAndLoadsTheRest() throws IOException {
        Files.writeString(
                folder.resolve("a.ndjson"),
                """
                {"title": "Good", "body": "Fine."}
                {"title": "", "body": "No headline."}
                {"title": "Broken", "body":
                [1, 2]
                {"title": "Also good", "body": "Fine too."}
                """);
        Files.writeString(folder.resolve("b.json"), "{\"title\": \"Unclosed\"");
        Files.writeString(folder.resolve("c.txt"), "   \n");

        var report = load(folder);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.clean()).isFalse();
        var a = folder.resolve("a.ndjson").toString();
        assertThat(report.rejected())
                .containsExactly(new LoadReport.Failure(a + ":2", "invalid: title must not be blank"));
        assertThat(report.unreadable())
                .extracting(LoadReport.Failure::origin)
                .containsExactly(
                        a + ":3",
                        a + ":4",
                        folder.resolve("b.json").toString(),
                        folder.resolve("c.txt").toString());
        assertThat(report.unreadable().get(1).reason()).contains("a JSON object is expected");
        assertThat(report.unreadable().get(2).reason())
                .startsWith("not JSON: Unexpected end-of-input")
                .doesNotContain("Source:")
                .endsWith("(line 1, column 21)");
        assertThat(report.unreadable().get(3).reason()).isEqualTo("empty file");
        assertThat(printed())
                .contains("Sent 3 articles to ingest: 2 accepted, 0 updated, 0 duplicates, 1 rejected.")
                .contains("Rejected by ingest:\n  " + a + ":2: invalid: title must not be blank")
                .contains("Not loaded (could not be read):");
    }

    @Test
    void loadingTheSameFilesAgainFindsThemDuplicates() throws IOException {
        Files.writeString(folder.resolve("first.txt"), "Headline\nBody.");
        Files.writeString(folder.resolve("second.json"), "{\"title\": \"T\", \"url\": \"https://news.example.com/t\"}");

        var first = load(folder);
        var second = load(folder);

        assertThat(first.accepted()).isEqualTo(2);
        assertThat(second.accepted()).isZero();
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(second.ids()).isEqualTo(first.ids()).hasSize(2);
    }

    @Test
    void sendsLargeLoadsInBatchesWithinIngestsLimits() throws IOException {
        var lines = IntStream.range(0, 1_201)
                .mapToObj(i -> "{\"title\": \"Article " + i + "\", \"body\": \"Text " + i + ".\"}")
                .collect(Collectors.joining("\n"));
        Files.writeString(folder.resolve("many.ndjson"), lines);

        var report = load(folder.resolve("many.ndjson"));

        assertThat(report.accepted()).isEqualTo(1_201);
        assertThat(ingest.batches).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(printed()).contains("  500/1201 sent: ", "  1000/1201 sent: ", "  1201/1201 sent: ");
    }

    @Test
    void retriesABatchWhileIngestAnswers503() throws IOException {
        Files.writeString(folder.resolve("one.txt"), "Headline\nBody.");
        ingest.unavailable.set(1);

        assertThat(load(folder).accepted()).isEqualTo(1);
        assertThat(ingest.unavailable).hasValue(0);
    }

    @Test
    void saysSoWhenIngestIsNotRunning() throws IOException {
        Files.writeString(folder.resolve("one.txt"), "Headline\nBody.");
        var nowhere = URI.create("http://127.0.0.1:" + Ports.free() + "/");

        assertThatThrownBy(() -> new ArticleLoader(nowhere, Optional.of(FakeIngest.KEY), out)
                        .load(List.of(folder), Optional.empty()))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("Ingest is not reachable at " + nowhere);
    }

    @Test
    void registersAFeedAndReportsARefusedOne() {
        var arguments = Load.Arguments.parse(
                List.of(
                        "--key",
                        FakeIngest.KEY,
                        "--source",
                        "Example News",
                        "https://news.example.com/rss.xml",
                        "--ingest",
                        ingest.uri().toString()),
                Map.of());

        assertThat(Load.run(arguments, out)).isTrue();
        assertThat(ingest.feeds).hasSize(1);
        assertThat(ingest.feeds.getFirst().path("url").asString()).isEqualTo("https://news.example.com/rss.xml");
        assertThat(ingest.feeds.getFirst().path("source").asString()).isEqualTo("Example News");
        assertThat(printed())
                .contains("Registered the feed https://news.example.com/rss.xml (id ")
                .contains("every PT15M");

        var refused = Load.Arguments.parse(
                List.of("http://127.0.0.1/feed"),
                Map.of("NEWSFLOW_INGEST_URL", ingest.uri().toString(), "NEWSFLOW_API_KEY", FakeIngest.KEY));
        assertThatThrownBy(() -> Load.run(refused, out))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("HTTP 400 The feed's address is not allowed");
    }

    @Test
    void theCommandFailsWhenAnythingWasNotLoadedAndPrintsTheSummary() throws IOException {
        Files.writeString(folder.resolve("good.txt"), "Headline\nBody.");
        var good = Load.Arguments.parse(
                List.of("--ingest", ingest.uri().toString(), folder.toString()),
                Map.of("NEWSFLOW_API_KEY", FakeIngest.KEY));
        assertThat(Load.run(good, out)).isTrue();

        Files.writeString(folder.resolve("bad.json"), "{\"title\": \"\", \"body\": \"No headline.\"}");
        assertThat(Load.run(good, out)).isFalse();
        assertThat(printed())
                .contains("Sent 1 article to ingest: 1 accepted, 0 updated, 0 duplicates, 0 rejected.")
                .contains("Sent 2 articles to ingest: 0 accepted, 0 updated, 1 duplicate, 1 rejected.");
    }

    @Test
    void aRefusedKeyIsExplainedWithWhereTheLoaderKeyComesFrom() throws IOException {
        Files.writeString(folder.resolve("one.txt"), "Headline\nBody.");
        var wrong = Load.Arguments.parse(
                List.of("--ingest", ingest.uri().toString(), "--key", "not-the-key", folder.toString()), Map.of());

        assertThatThrownBy(() -> Load.run(wrong, out))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("refused the API key")
                .hasMessageContaining(".newsflow/credentials/loader-key");
        assertThat(ingest.batches).isEmpty();
    }

    @Test
    void parsesTheCommandLine() {
        var defaults = Load.Arguments.parse(List.of("corpus"), Map.of());
        assertThat(defaults.ingest()).isEqualTo(URI.create("http://localhost:8081/"));
        assertThat(defaults.targets()).containsExactly("corpus");
        assertThat(defaults.key()).isEmpty();
        assertThat(Load.Arguments.parse(List.of("x"), Map.of("NEWSFLOW_API_KEY", "from-env"))
                        .key())
                .contains("from-env");
        assertThat(Load.Arguments.parse(List.of("--key", "given", "x"), Map.of("NEWSFLOW_API_KEY", "from-env"))
                        .key())
                .contains("given");
        assertThat(Load.Arguments.parse(List.of("x"), Map.of("NEWSFLOW_INGEST_PORT", "18081"))
                        .ingest())
                .isEqualTo(URI.create("http://localhost:18081/"));
        var custom = Load.Arguments.parse(
                List.of("--ingest", "http://ingest:9000", "--poll-interval", "1h", "a", "b"), Map.of());
        assertThat(custom.ingest()).isEqualTo(URI.create("http://ingest:9000/"));
        assertThat(custom.pollInterval()).contains("1h");
        assertThat(custom.targets()).containsExactly("a", "b");

        assertThatThrownBy(() -> Load.Arguments.parse(List.of(), Map.of()))
                .hasMessageContaining("name a folder, a file or a feed URL");
        assertThatThrownBy(() -> Load.Arguments.parse(List.of("--force", "a"), Map.of()))
                .hasMessageContaining("unknown option --force");
        assertThatThrownBy(() -> Load.Arguments.parse(List.of("a", "--source"), Map.of()))
                .hasMessageContaining("--source needs a value");
        assertThatThrownBy(() -> Load.Arguments.parse(List.of("--ingest", "ftp://x", "a"), Map.of()))
                .hasMessageContaining("not an http(s) URL");
    }

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(file))) {
            zipped.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
