package io.newsflow.enrich.lab.keywords;

import io.newsflow.enrich.category.CategoryModel;
import io.newsflow.enrich.keywords.DocumentFrequencies;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.language.TermAnalyzers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the keyword extractor's document frequencies for German, Dutch and French from the Europeana Newspapers
 * NER corpora (CC0): without them every word of those languages counted as equally rare, and the words Snowball's
 * stopword lists leave out on purpose (they keep homonyms such as French "est", "east", for search) became the top
 * keywords: "wurde", "den", "est", "tout". The corpora are OCR token streams without article boundaries, so a
 * document here is a run of {@value #DOCUMENT_TOKENS} tokens, about a short news article. The English table comes
 * from the BBC corpus ({@code CategoryTraining}).
 *
 * <p>{@code ./newsflow train-keywords <data-folder>} runs it; the output depends on the data only.
 */
public final class KeywordFrequencies {

    static final int DOCUMENT_TOKENS = 250;
    static final Map<String, List<String>> CORPORA = Map.of(
            "de", List.of("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"),
            "nl", List.of("enp_NL.kb.bio"),
            "fr", List.of("enp_FR.bnf.bio"));

    private KeywordFrequencies() {}

    /** How many documents there were, and in how many of them each stem occurs. */
    public record Table(int documents, TreeMap<String, Integer> frequencies) {

        /** The resource, as {@link DocumentFrequencies} reads it; a stem seen in one document only is left out. */
        public void write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("#documents\t" + documents + "\n");
                for (var entry : frequencies.entrySet()) {
                    // A stem in a single document says nothing general; it gets the unseen value anyway.
                    if (entry.getValue() > 1) {
                        writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
                    }
                }
            }
        }
    }

    /** The tokens of one corpus file ({@code TOKEN TAG} per line), cut into documents of a fixed length. */
    static List<String> documents(List<String> lines) {
        var documents = new ArrayList<String>();
        var document = new StringBuilder();
        int tokens = 0;
        for (var line : lines) {
            var space = line.lastIndexOf(' ');
            var token = space < 0 ? line.strip() : line.substring(0, space).strip();
            if (token.isEmpty()) {
                continue;
            }
            document.append(token).append(' ');
            if (++tokens == DOCUMENT_TOKENS) {
                documents.add(document.toString());
                document.setLength(0);
                tokens = 0;
            }
        }
        if (tokens > 0) {
            documents.add(document.toString());
        }
        return documents;
    }

    static Table count(List<String> documents, TermAnalyzer analyzer) {
        var frequencies = new TreeMap<String, Integer>();
        for (var document : documents) {
            // The same stems the keyword extractor looks up: stopwords and amounts are never candidates.
            var stems = new HashSet<String>();
            for (var term : CategoryModel.terms(null, document, analyzer)) {
                stems.add(CategoryModel.unmarked(term));
            }
            stems.forEach(stem -> frequencies.merge(stem, 1, Integer::sum));
        }
        return new Table(documents.size(), frequencies);
    }

    public static void run(Path dataFolder, Path resources, PrintStream out) throws IOException {
        var analyzers = new TermAnalyzers(EnrichComponents.properties());
        for (var language : new TreeMap<>(CORPORA).entrySet()) {
            var documents = new ArrayList<String>();
            for (var file : language.getValue()) {
                documents.addAll(documents(
                        Files.readAllLines(dataFolder.resolve("europeana-ner").resolve(file), StandardCharsets.UTF_8)));
            }
            var table = count(documents, analyzers.forLanguage(language.getKey()));
            var target = resources.resolve(
                    DocumentFrequencies.resourceName(language.getKey()).substring(1));
            table.write(target);
            out.printf(
                    "%s: %d documents of %d tokens from %s, %d stems: wrote %s%n",
                    language.getKey(),
                    table.documents(),
                    DOCUMENT_TOKENS,
                    String.join(", ", language.getValue()),
                    table.frequencies().size(),
                    target);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: KeywordFrequencies <data-folder> [<resources-folder>]");
            System.exit(2);
        }
        run(Path.of(args[0]), Path.of(args.length > 1 ? args[1] : "enrich-service/src/main/resources"), System.out);
    }
}
