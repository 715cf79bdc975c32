package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.CategoryModel;
import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.category.TopicLexicon;
import io.newsflow.enrich.language.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link TopicLexicon} from {@code iptc/media-topics.json}: every concept counts for its top-level topic,
 * its name twice and its definition once. A stem is kept for the topic that has most of its occurrences, if that is
 * at least half of them; its weight is that share, times n / (n + 1) for the topic's n occurrences (one mention in
 * one definition is weak evidence), times its inverse document frequency in the BBC training articles relative to
 * the rarest stem's (words every article has say little). Stems in more than a quarter of the articles are dropped.
 */
final class TopicLexiconBuilding {

    private static final double MIN_SHARE = 0.5;
    private static final double MAX_DOCUMENT_SHARE = 0.25;

    private TopicLexiconBuilding() {}

    static TopicLexicon build(
            Path dataFolder, TermAnalyzer english, Map<String, Integer> documentFrequencies, int documents) {
        var counts = new TreeMap<String, double[]>();
        for (var concept : concepts(dataFolder)) {
            var topic = concept.topic();
            for (var term : CategoryModel.terms(concept.name(), concept.definition(), english)) {
                var stem = CategoryModel.unmarked(term);
                if (stem.length() > 2) {
                    counts.computeIfAbsent(stem, s -> new double[Taxonomy.values().length])[topic.ordinal()]++;
                }
            }
        }
        double maxIdf = Math.log((documents + 1.0) / 0.5);
        var weights = new TreeMap<String, Map.Entry<Taxonomy, Double>>();
        counts.forEach((stem, perTopic) -> {
            int best = 0;
            double total = 0;
            for (int t = 0; t < perTopic.length; t++) {
                total += perTopic[t];
                if (perTopic[t] > perTopic[best]) {
                    best = t;
                }
            }
            double share = perTopic[best] / total;
            int df = documentFrequencies.getOrDefault(stem, 0);
            if (share < MIN_SHARE || df > MAX_DOCUMENT_SHARE * documents) {
                return;
            }
            double idf = Math.log((documents + 1.0) / (df + 0.5)) / maxIdf;
            double weight = share * perTopic[best] / (perTopic[best] + 1) * idf;
            weights.put(stem, new AbstractMap.SimpleImmutableEntry<>(Taxonomy.values()[best], weight));
        });
        return TopicLexicon.of(weights);
    }

    record Concept(Taxonomy topic, String name, String definition) {}

    /** Every current concept with its top-level topic; a name counts twice (it is passed as the title). */
    static List<Concept> concepts(Path dataFolder) {
        var file = dataFolder.resolve("iptc/media-topics.json");
        try {
            var json = JsonMapper.builder().build();
            var nodes = json.readTree(Files.readString(file));
            var parents = new HashMap<String, String>();
            nodes.forEach(node -> parents.put(
                    node.path("code").asString(),
                    node.path("parent").isString() ? node.path("parent").asString() : ""));
            return nodes.valueStream()
                    .map(node -> {
                        var code = node.path("code").asString();
                        while (!parents.getOrDefault(code, "").isEmpty()) {
                            code = parents.get(code);
                        }
                        var top = code;
                        return new Concept(
                                Taxonomy.ofIptcCode(top)
                                        .orElseThrow(() -> new IllegalStateException("not a top-level topic: " + top)),
                                node.path("name").asString(""),
                                node.path("definition").asString(""));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
