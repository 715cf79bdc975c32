package io.newsflow.enrich.category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed words of the 17 top-level Media Topics: stems from the names and definitions of each topic and every narrower
 * concept under it (IPTC NewsCodes, CC BY 4.0), each kept for the one topic it mostly belongs to, weighted by how
 * specific to that topic it is and how rare it is in news. Written by {@code
 * io.newsflow.enrich.lab.eval.CategoryTraining}; one line per stem: {@code stem<TAB>label<TAB>weight}, sorted.
 */
public final class TopicLexicon {

    record Weight(Taxonomy topic, double weight) {}

    private final Map<String, Weight> weights;

    private TopicLexicon(Map<String, Weight> weights) {
        this.weights = weights;
    }

    /** @param weights each stem's topic and weight */
    public static TopicLexicon of(Map<String, Map.Entry<Taxonomy, Double>> weights) {
        var map = new HashMap<String, Weight>(weights.size() * 2);
        weights.forEach((stem, entry) -> map.put(stem, new Weight(entry.getKey(), entry.getValue())));
        return new TopicLexicon(map);
    }

    public int size() {
        return weights.size();
    }

    /**
     * How much seed evidence the document's terms give each topic (indexed by {@link Taxonomy#ordinal()}): the sum of
     * the weights of its terms, every occurrence counted.
     */
    double[] evidence(List<String> terms) {
        var evidence = new double[Taxonomy.values().length];
        for (var term : terms) {
            var weight = weights.get(CategoryModel.unmarked(term));
            if (weight != null) {
                evidence[weight.topic().ordinal()] += weight.weight();
            }
        }
        return evidence;
    }

    static TopicLexicon read(Reader source) throws IOException {
        var reader = new BufferedReader(source);
        var weights = new HashMap<String, Weight>();
        for (var line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("#")) {
                continue;
            }
            var fields = line.split("\t");
            weights.put(
                    fields[0], new Weight(Taxonomy.ofLabel(fields[1]).orElseThrow(), Double.parseDouble(fields[2])));
        }
        return new TopicLexicon(weights);
    }

    public void write(Writer out) throws IOException {
        out.write("#IPTC Media Topics NewsCodes (2023-10-24), International Press Telecommunications Council,"
                + " CC BY 4.0, https://iptc.org/standards/media-topics/ (derived seed words)\n");
        for (var entry : new TreeMap<>(weights).entrySet()) {
            out.write(entry.getKey() + "\t" + entry.getValue().topic().label() + "\t"
                    + String.format(
                            java.util.Locale.ROOT, "%.4f", entry.getValue().weight()) + "\n");
        }
    }
}
