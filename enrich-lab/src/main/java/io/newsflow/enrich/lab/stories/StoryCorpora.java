package io.newsflow.enrich.lab.stories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** The two story corpora of the data folder, each in the order a stream would deliver it. */
final class StoryCorpora {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private StoryCorpora() {}

    /**
     * @param time {@code null} where the corpus has none
     * @param group the ECB+ topic (the tuning split is by topic), or the UCI category
     */
    record Doc(String id, String title, String text, Instant time, String gold, String group, String source) {}

    /** ECB+ in date order; the documents without a date (all of the 2008 set) first, by id. */
    static List<Doc> ecbPlus(Path data) throws IOException {
        var json = JsonMapper.builder().build();
        var docs = new ArrayList<Doc>();
        for (var line : Files.readAllLines(data.resolve("stories/ecbplus/documents.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            var node = json.readTree(line);
            var date = node.path("date").isNull() ? null : node.path("date").asString();
            docs.add(new Doc(
                    node.path("doc").asString(),
                    node.path("title").asString(),
                    node.path("text").asString(),
                    parseDate(date),
                    node.path("cluster").asString(),
                    String.valueOf(node.path("topic").asInt()),
                    node.path("url").isNull() ? "ecb" : host(node.path("url").asString())));
        }
        docs.sort(Comparator.comparing(Doc::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Doc::id));
        return docs;
    }

    /** The UCI headlines in TIMESTAMP order (then by ID). */
    static List<Doc> uciHeadlines(Path data) throws IOException {
        var docs = new ArrayList<Doc>();
        try (var records = UciHeadlines.open(data)) {
            for (var record : records) {
                docs.add(new Doc(
                        record.get("ID"),
                        record.get("TITLE"),
                        "",
                        Instant.ofEpochMilli(Long.parseLong(record.get("TIMESTAMP"))),
                        record.get("STORY"),
                        record.get("CATEGORY"),
                        record.get("PUBLISHER")));
            }
        }
        docs.sort(Comparator.comparing(Doc::time).thenComparing(doc -> Integer.parseInt(doc.id())));
        return docs;
    }

    static Instant parseDate(String date) {
        if (date == null) {
            return null;
        }
        var lower = date.toLowerCase(Locale.ROOT);
        try {
            var m = MONTH_DAY_YEAR.matcher(lower);
            if (m.find()) {
                return day(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = DAY_MONTH_YEAR.matcher(lower);
            if (m.find()) {
                return day(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = NUMERIC.matcher(lower);
            if (m.find()) {
                // US pages: month first
                return day(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = ISO.matcher(lower);
            if (m.find()) {
                return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
        return null;
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String host(String url) {
        var start = url.indexOf("://");
        var rest = start < 0 ? url : url.substring(start + 3);
        var slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
