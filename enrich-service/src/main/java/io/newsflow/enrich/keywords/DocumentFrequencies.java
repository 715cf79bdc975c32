package io.newsflow.enrich.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many documents of a reference corpus contain each stem, for inverse document frequency. Written by
 * {@code io.newsflow.enrich.lab.eval.CategoryTraining} (enrich-lab) from the BBC training split into
 * {@code keywords/<language>-document-frequencies.tsv} (first line: {@code #documents <n>}, then
 * {@code stem<TAB>documents}).
 */
public final class DocumentFrequencies {

    // In English news this takes "said" (in 0.86 of the BBC articles), "will", "year", "one", "new" and "last" (0.41)
    // and leaves "time" (0.40), "make" and "people"; in German "wurde" (0.48), Dutch "den" and "een", French "est",
    // "son", "tout" and "plus". No topic word of a corpus of many stories comes near it.
    private static final double COMMON_SHARE = 0.4;

    private final int documents;
    private final Map<String, Integer> frequencies;

    DocumentFrequencies(int documents, Map<String, Integer> frequencies) {
        this.documents = documents;
        this.frequencies = Map.copyOf(frequencies);
    }

    public static String resourceName(String language) {
        return "/io/newsflow/enrich/keywords/" + language + "-document-frequencies.tsv";
    }

    static Optional<DocumentFrequencies> load(String language) {
        var in = DocumentFrequencies.class.getResourceAsStream(resourceName(language));
        if (in == null) {
            return Optional.empty();
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var header = reader.readLine().split("\t");
            var frequencies = new HashMap<String, Integer>();
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                var tab = line.indexOf('\t');
                frequencies.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
            }
            return Optional.of(new DocumentFrequencies(Integer.parseInt(header[1]), frequencies));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resourceName(language), e);
        }
    }

    /**
     * In so many of the reference documents that it says nothing about any one of them: "said", or the function words
     * the stopword lists leave out (Snowball keeps homonyms such as French "est", "east", out of its lists for search,
     * and lacks German "wurde" and Dutch "den"). The keyword extractor treats such a stem as a stopword.
     */
    boolean isCommon(String stem) {
        return frequencies.getOrDefault(stem, 0) > COMMON_SHARE * documents;
    }

    /** Smoothed; a stem the corpus never saw counts as seen in one document. */
    double idf(String stem) {
        return Math.log((documents + 1.0) / (frequencies.getOrDefault(stem, 1) + 0.5));
    }
}
