package io.newsflow.extraction.lab;

import io.newsflow.extraction.JsonLd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * For the tuning split's metadata failures: the values a page offers for its title, date and authors, each named by
 * where it sits (JSON-LD field, meta key, element), so that a failure shows which source ours came from and which
 * source held the gold. Read independently of the extractor (which keeps no record of its sources), by plain
 * look-ups: it lists, it does not choose.
 */
final class MetadataCandidates {

    private static final int MAX_EACH = 4;
    private static final int MAX_TEXT = 120;

    private MetadataCandidates() {}

    /** Source name to the values found there, in page order, for title, date and author fields. */
    record Found(
            Map<String, List<String>> titles, Map<String, List<String>> dates, Map<String, List<String>> authors) {}

    static Found of(String html, String url) {
        var document = Jsoup.parse(html, url);
        var titles = new LinkedHashMap<String, List<String>>();
        var dates = new LinkedHashMap<String, List<String>>();
        var authors = new LinkedHashMap<String, List<String>>();
        for (var node : JsonLd.of(document).objects()) {
            var type = node.path("@type").toString().replace("\"", "");
            add(titles, "ld(" + type + ").headline", node.path("headline").asString(""));
            add(titles, "ld(" + type + ").name", node.path("name").asString(""));
            add(
                    dates,
                    "ld(" + type + ").datePublished",
                    node.path("datePublished").asString(""));
            add(
                    dates,
                    "ld(" + type + ").dateModified",
                    node.path("dateModified").asString(""));
            add(dates, "ld(" + type + ").dateCreated", node.path("dateCreated").asString(""));
            var author = node.path("author");
            for (var entry : author.isArray() ? author.values() : List.of(author)) {
                add(
                        authors,
                        "ld(" + type + ").author",
                        entry.isString() ? entry.asString() : entry.path("name").asString(""));
            }
        }
        for (var meta : document.select("meta[content]")) {
            var key = (meta.attr("property") + meta.attr("name") + meta.attr("itemprop")).toLowerCase(Locale.ROOT);
            var content = meta.attr("content");
            if (key.contains("title")) {
                add(titles, "meta " + key, content);
            }
            if (key.contains("date") || key.contains("time") || key.contains("publish")) {
                add(dates, "meta " + key, content);
            }
            if (key.contains("author") || key.contains("creator") || key.equals("byl")) {
                add(authors, "meta " + key, content);
            }
        }
        add(titles, "<title>", document.title());
        document.select("h1").forEach(h1 -> add(titles, "h1" + classOf(h1.className()), h1.text()));
        document.select("time")
                .forEach(time ->
                        add(dates, "time" + classOf(time.className()), time.attr("datetime") + " / " + time.text()));
        document.select("[itemprop=datePublished]:not(meta)")
                .forEach(e -> add(dates, "itemprop", e.attr("content") + e.attr("datetime") + " / " + e.text()));
        document.select("[class~=(?i)byline|author]")
                .forEach(e -> add(authors, e.tagName() + classOf(e.className()), e.text()));
        return new Found(titles, dates, authors);
    }

    private static String classOf(String className) {
        return className.isBlank() ? "" : "." + className.strip().replace(' ', '.');
    }

    private static void add(Map<String, List<String>> into, String source, String value) {
        var text = value.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return;
        }
        var values = into.computeIfAbsent(source, s -> new ArrayList<>());
        if (values.size() < MAX_EACH && !values.contains(text)) {
            values.add(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
        }
    }

    /** The sources whose value, normalised, equals the one given, or "none". */
    static String sourceOf(Map<String, List<String>> found, String value, UnaryOperator<String> key) {
        if (value.isBlank()) {
            return "none";
        }
        var wanted = key.apply(value);
        var sources = found.entrySet().stream()
                .filter(entry ->
                        entry.getValue().stream().anyMatch(v -> key.apply(v).contains(wanted)))
                .map(Map.Entry::getKey)
                .toList();
        return sources.isEmpty() ? "none (derived)" : String.join(", ", sources);
    }
}
