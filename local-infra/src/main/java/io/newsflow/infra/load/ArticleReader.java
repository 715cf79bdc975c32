package io.newsflow.infra.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads files and folders of articles: {@code .json} (one article or an array of them), {@code .ndjson} or
 * {@code .jsonl} (one per line), each also gzipped ({@code .gz}), in ingest's push format; and {@code .txt} (the first
 * line is the headline, the rest the body). A file that cannot be read is reported and the others are still read.
 */
final class ArticleReader {

    /** What was read: the articles, the files that could not be read, and the files that are not articles. */
    record Result(List<Item> items, List<Problem> problems, List<String> skipped) {}

    /** A file, or a line of one, that could not be read, and why. */
    record Problem(String origin, String message) {}

    private final JsonMapper json;
    private final Optional<String> source;

    /** @param source the source name of {@code .txt} articles; the name of their folder when empty */
    ArticleReader(JsonMapper json, Optional<String> source) {
        this.json = json;
        this.source = source;
    }

    Result read(List<Path> paths) {
        var items = new ArrayList<Item>();
        var problems = new ArrayList<Problem>();
        var skipped = new ArrayList<String>();
        for (var path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    problems.add(new Problem(path.toString(), "cannot list the folder: " + e.getMessage()));
                    continue;
                }
                for (var file : files) {
                    if (kind(file).isPresent()) {
                        readFile(file, path, items, problems);
                    } else {
                        skipped.add(file.toString());
                    }
                }
            } else if (!Files.exists(path)) {
                problems.add(new Problem(path.toString(), "no such file or folder"));
            } else if (kind(path).isEmpty()) {
                problems.add(new Problem(path.toString(), "not an article file (" + Kind.EXTENSIONS + ")"));
            } else {
                readFile(path, path.toAbsolutePath().getParent(), items, problems);
            }
        }
        return new Result(List.copyOf(items), List.copyOf(problems), List.copyOf(skipped));
    }

    enum Kind {
        JSON,
        NDJSON,
        TEXT;

        static final String EXTENSIONS = ".json, .ndjson, .jsonl or .txt, each optionally .gz";
    }

    static Optional<Kind> kind(Path file) {
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".json")) {
            return Optional.of(Kind.JSON);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(Kind.NDJSON);
        }
        return name.endsWith(".txt") ? Optional.of(Kind.TEXT) : Optional.empty();
    }

    private void readFile(Path file, Path base, List<Item> items, List<Problem> problems) {
        var origin = file.toString();
        String text;
        try {
            text = decode(bytes(file));
        } catch (IOException e) {
            problems.add(new Problem(origin, "cannot read it: " + e.getMessage()));
            return;
        }
        switch (kind(file).orElseThrow()) {
            case JSON -> readJson(origin, text, items, problems);
            case NDJSON -> readNdjson(origin, text, items, problems);
            case TEXT -> readText(file, base, text, items, problems);
        }
    }

    private static byte[] bytes(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** UTF-8, else Latin-1: a corpus of one's own is not always clean UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private void readJson(String origin, String text, List<Item> items, List<Problem> problems) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            problems.add(new Problem(origin, "not JSON: " + message(e) + at(e)));
            return;
        }
        if (node.isArray()) {
            var index = 0;
            for (var element : node) {
                add(origin + "[" + index++ + "]", element, items, problems);
            }
        } else {
            add(origin, node, items, problems);
        }
    }

    private void readNdjson(String origin, String text, List<Item> items, List<Problem> problems) {
        var lines = text.split("\n", -1);
        for (var number = 1; number <= lines.length; number++) {
            var line = lines[number - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                add(origin + ":" + number, json.readTree(line), items, problems);
            } catch (JacksonException e) {
                problems.add(new Problem(origin + ":" + number, "not JSON: " + message(e)));
            }
        }
    }

    private static void add(String origin, JsonNode node, List<Item> items, List<Problem> problems) {
        if (node instanceof ObjectNode article) {
            items.add(new Item(origin, article));
        } else {
            problems.add(new Problem(origin, "not an article: a JSON object is expected, found " + node.getNodeType()));
        }
    }

    /**
     * The first non-blank line is the headline, the rest the body. The path below the loaded folder is the article's
     * GUID and the folder's name its source, so loading the same files again finds them duplicates.
     */
    private void readText(Path file, Path base, String text, List<Item> items, List<Problem> problems) {
        var content = text.replace("\r\n", "\n").strip();
        if (content.isEmpty()) {
            problems.add(new Problem(file.toString(), "empty file"));
            return;
        }
        var newline = content.indexOf('\n');
        var article = json.createObjectNode();
        article.put(
                "title", newline < 0 ? content : content.substring(0, newline).strip());
        if (newline >= 0) {
            article.put("body", content.substring(newline + 1).strip());
        }
        var folder = base.toAbsolutePath().getFileName();
        article.putObject("source").put("name", source.orElse(folder == null ? "local files" : folder.toString()));
        article.put(
                "guid", base.toAbsolutePath().relativize(file.toAbsolutePath()).toString());
        items.add(new Item(file.toString(), article));
    }

    /** Jackson's message without its "[Source: REDACTED ...]" of the start marker, which names nothing here. */
    private static String message(JacksonException e) {
        return e.getOriginalMessage().replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }

    private static String at(JacksonException e) {
        var location = e.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
