package io.newsflow.extraction.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages of the two benchmarks with their gold, read from the data folder. */
final class Pages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Pages() {}

    /** A benchmark page: its HTML (UTF-8, as both benchmarks store it), URL and gold fields. */
    record Page(String id, URI url, String html, String body, String title, String date, List<String> authors) {

        boolean tuning() {
            return Split.isTuning(id);
        }

        /** A tuning page of the look half (failures read); {@link #check()} the other half (only scored). */
        boolean look() {
            return Split.isLook(id);
        }

        boolean check() {
            return tuning() && !look();
        }
    }

    static List<Page> extractionBenchmark(Path dataFolder) {
        var folder = dataFolder.resolve("extraction-benchmark");
        var pages = new ArrayList<Page>();
        for (var entry : fields(read(folder.resolve("ground-truth.json"))).entrySet()) {
            var gold = entry.getValue();
            pages.add(new Page(
                    entry.getKey(),
                    URI.create(gold.path("url").asString()),
                    html(folder.resolve("html").resolve(entry.getKey() + ".html.gz")),
                    gold.path("articleBody").asString(""),
                    "",
                    "",
                    List.of()));
        }
        return pages;
    }

    static List<Page> metadataBenchmark(Path dataFolder) {
        var folder = dataFolder.resolve("metadata-benchmark");
        var pages = new ArrayList<Page>();
        for (var entry : fields(read(folder.resolve("articles.json"))).entrySet()) {
            var html = folder.resolve("html").resolve(entry.getKey() + ".html.gz");
            if (!Files.exists(html)) {
                continue;
            }
            var gold = entry.getValue();
            var authors = gold.path("authors").asString("");
            pages.add(new Page(
                    entry.getKey(),
                    URI.create(gold.path("url").asString().strip().replace(" ", "%20")),
                    html(html),
                    gold.path("articleBody").asString(""),
                    gold.path("title").asString(""),
                    gold.path("date").asString(""),
                    authors.isBlank()
                            ? List.of()
                            : List.of(authors.split(",")).stream()
                                    .map(String::strip)
                                    .filter(a -> !a.isEmpty())
                                    .toList()));
        }
        return pages;
    }

    /** A shipped reference output ({@code {id: {articleBody}}}, optionally wrapped in {@code {output: ...}}). */
    static Map<String, String> referenceOutput(Path dataFolder, String name) {
        var root =
                read(dataFolder.resolve("extraction-benchmark/baseline-output").resolve(name + ".json"));
        var output = root.has("output") ? root.path("output") : root;
        var bodies = new TreeMap<String, String>();
        fields(output)
                .forEach((id, node) -> bodies.put(id, node.path("articleBody").asString("")));
        return bodies;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        var fields = new TreeMap<String, JsonNode>();
        node.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(Path file) {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
