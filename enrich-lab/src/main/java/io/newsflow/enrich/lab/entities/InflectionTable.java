package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code entities/de-nl-inflections.tsv}, the German genitive forms of names that fold onto their base form in
 * every article ("Deutschlands" is Deutschland, "Völkerbundes" the Völkerbund), from the Europeana Newspapers NER
 * corpora (CC0). A pair is a name tagged with one type both as X and as X+"s" or X+"es", where X is written with a
 * capital, does not end in s, ß, x or z (German writes the genitive of those names with an apostrophe or none), is
 * seen at least twice, and at least as often as X+"s": the uninflected form of a name is its usual one. That keeps
 * Paris, which OCR once split to "Pari", and Tarvis ("Tarvi" once) out.
 *
 * <p>Dutch contributes nothing, on the evidence: of the ten Dutch pairs in {@code enp_NL.kb} most are distinct names,
 * Dutch patronymic surnames ending in -s (Janssen and Janssens, Hendrik and Hendriks, Koning and Konings), plus
 * plurals (Kamer, Kamers) and OCR splits (Mon, Mons).
 *
 * <p>{@code ./newsflow build-inflections <data-folder>} runs it; the output depends on the data only.
 */
public final class InflectionTable {

    static final Map<String, List<String>> CORPORA =
            Map.of("de", List.of("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"));
    private static final Set<Character> NO_GENITIVE_S = Set.of('s', 'ß', 'x', 'z');

    private InflectionTable() {}

    /** One base form and its inflected form, with how often the corpus tags each. */
    record Pair(String language, String type, String base, String inflected, int baseCount, int inflectedCount) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: InflectionTable <data-folder> <out.tsv>");
        }
        Path data = Path.of(args[0]).resolve("europeana-ner");
        var pairs = new ArrayList<Pair>();
        for (var corpus : new TreeMap<>(CORPORA).entrySet()) {
            var counts = new TreeMap<String, Integer>();
            for (String file : corpus.getValue()) {
                var lines = Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8);
                for (String name : names(EuropeanaCorpus.sentences(lines))) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
            pairs.addAll(pairs(corpus.getKey(), counts));
        }
        Path out = Path.of(args[1]);
        try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(
                    "# German genitive forms of names and their base form: language, type, base, inflected form,\n");
            writer.write("# how often the corpus tags each. Built from the Europeana Newspapers NER corpora\n");
            writer.write("# (europeana-ner/enp_DE.lft.bio, enp_DE.onb.bio, enp_DE.sbb.bio; CC0 1.0) by\n");
            writer.write(
                    "# `./newsflow build-inflections <data-folder>` (io.newsflow.enrich.lab.entities.InflectionTable);\n");
            writer.write(
                    "# a name tagged with one type as X and as X+s or X+es, X seen at least twice and at least as\n");
            writer.write("# often as the inflected form. Dutch adds none (its -s pairs are patronymic surnames).\n");
            for (Pair pair : pairs) {
                writer.write(String.join(
                                "\t",
                                pair.language(),
                                pair.type(),
                                pair.base(),
                                pair.inflected(),
                                String.valueOf(pair.baseCount()),
                                String.valueOf(pair.inflectedCount()))
                        + "\n");
            }
        }
        System.out.printf("%d pairs written to %s%n", pairs.size(), out);
    }

    /** The tagged names of a corpus, each as "TYPE\tname" with its tokens separated by spaces. */
    static List<String> names(List<ConllCorpus.Sentence> sentences) {
        var names = new ArrayList<String>();
        for (var sentence : sentences) {
            var tokens = sentence.tokens();
            var tags = sentence.tags();
            int start = -1;
            for (int i = 0; i <= tokens.size(); i++) {
                String tag = i < tags.size() ? tags.get(i) : "O";
                boolean continues = start >= 0
                        && tag.startsWith("I-")
                        && tag.substring(2).equals(tags.get(start).substring(2));
                if (start >= 0 && !continues) {
                    names.add(tags.get(start).substring(2) + "\t" + String.join(" ", tokens.subList(start, i)));
                    start = -1;
                }
                if (start < 0 && !tag.equals("O")) {
                    start = i;
                }
            }
        }
        return names;
    }

    static List<Pair> pairs(String language, Map<String, Integer> counts) {
        var pairs = new ArrayList<Pair>();
        for (var entry : counts.entrySet()) {
            String[] typed = entry.getKey().split("\t", 2);
            String type = typed[0];
            String base = typed[1];
            int baseCount = entry.getValue();
            if (base.length() < 3
                    || !Character.isUpperCase(base.codePointAt(0))
                    || NO_GENITIVE_S.contains(base.charAt(base.length() - 1))
                    || baseCount < 2) {
                continue;
            }
            for (String ending : List.of("s", "es")) {
                Integer inflectedCount = counts.get(type + "\t" + base + ending);
                if (inflectedCount != null && baseCount >= inflectedCount) {
                    pairs.add(new Pair(language, type, base, base + ending, baseCount, inflectedCount));
                }
            }
        }
        return pairs;
    }
}
