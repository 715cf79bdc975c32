package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.lab.stories.UciHeadlines;
import io.newsflow.enrich.text.TextExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled articles for the Media Topics: the BBC classes, the ECB+ topics mapped by hand onto Media Topics
 * ({@code topics/ecbplus-topics.tsv}), the UCI headlines' four categories and the articles written for Newsflow
 * ({@code topics/hand-labelled.tsv}).
 */
final class TopicSamples {

    /** An article with its topic and the other topics also counted correct. */
    record Sample(String title, String text, Taxonomy topic, Set<Taxonomy> accepted) {

        Sample(String title, String text, Taxonomy topic) {
            this(title, text, topic, EnumSet.of(topic));
        }
    }

    private TopicSamples() {}

    static List<Sample> bbc(List<BbcCorpus.BbcArticle> corpus, IntPredicate numbers) {
        return corpus.stream()
                .filter(article -> numbers.test(article.number()))
                .map(article -> new Sample(
                        article.title(),
                        TextExtractor.plainText(article.body()),
                        Taxonomy.ofBbcClass(article.bbcClass()).orElseThrow()))
                .toList();
    }

    /** The ECB+ articles of the topics {@code topics} accepts. */
    static List<Sample> ecbPlus(Path dataFolder, IntPredicate topics) {
        var mapping = new HashMap<Integer, Sample>();
        for (var fields : resource("/topics/ecbplus-topics.tsv")) {
            var accepted = EnumSet.of(topic(fields[1]));
            if (!fields[2].isBlank()) {
                Arrays.stream(fields[2].split(",")).map(TopicSamples::topic).forEach(accepted::add);
            }
            mapping.put(Integer.parseInt(fields[0]), new Sample("", "", topic(fields[1]), accepted));
        }
        var json = JsonMapper.builder().build();
        var samples = new ArrayList<Sample>();
        try {
            for (var line : Files.readAllLines(dataFolder.resolve("stories/ecbplus/documents.jsonl"))) {
                var node = json.readTree(line);
                int topic = node.path("topic").asInt();
                var labels = mapping.get(topic);
                if (labels == null || !topics.test(topic)) {
                    continue;
                }
                var title = node.path("title").asString("");
                var text = node.path("text").asString("");
                // The text repeats the title as its first sentence.
                var body =
                        text.startsWith(title) ? text.substring(title.length()).strip() : text;
                samples.add(new Sample(title, body, labels.topic(), labels.accepted()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ECB+ documents under " + dataFolder, e);
        }
        return samples;
    }

    /** UCI News Aggregator headlines (no body): b, t, e and m are business, technology, entertainment, health. */
    static List<Sample> uciHeadlines(Path dataFolder) {
        var categories = Map.of(
                "b", Taxonomy.ECONOMY_BUSINESS_FINANCE,
                "t", Taxonomy.SCIENCE_TECHNOLOGY,
                "e", Taxonomy.ARTS_CULTURE_ENTERTAINMENT,
                "m", Taxonomy.HEALTH);
        try (var records = UciHeadlines.open(dataFolder)) {
            var samples = new ArrayList<Sample>();
            for (var record : records) {
                var topic = categories.get(record.get("CATEGORY"));
                if (topic != null) {
                    samples.add(new Sample(record.get("TITLE"), "", topic));
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the UCI headlines under " + dataFolder, e);
        }
    }

    static List<Sample> handLabelled() {
        return resource("/topics/hand-labelled.tsv").stream()
                .map(fields -> new Sample(fields[1], fields[2], topic(fields[0])))
                .toList();
    }

    private static Taxonomy topic(String label) {
        return Taxonomy.ofLabel(label.strip())
                .orElseThrow(() -> new IllegalArgumentException("not a topic label: " + label));
    }

    private static List<String[]> resource(String name) {
        var in = TopicSamples.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
