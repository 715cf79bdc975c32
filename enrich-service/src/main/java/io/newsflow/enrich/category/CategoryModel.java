package io.newsflow.enrich.category;

import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multinomial Naive Bayes model over stemmed content words (the headline counts twice), with Laplace smoothing.
 * Stored as text: a header with the labels and their document counts, then one line per term with its count in each
 * class, sorted, so that retraining on the same data gives the same file.
 */
public final class CategoryModel {

    static final double SMOOTHING = 0.2;
    // Capitalised words (mostly names) are marked: the corpus is from 2004-05, and its names (Yukos, Blair) would
    // decide too much about today's news, so they count less when predicting (see NAME_WEIGHT).
    static final String NAME = "^";
    static final double NAME_WEIGHT = 0.5;
    private static final int MIN_TERM_COUNT = 2;

    private final List<Taxonomy> labels;
    private final double[] logPriors;
    private final Map<String, double[]> logLikelihoods;
    private final double[] unseenLogLikelihoods;

    private CategoryModel(List<Taxonomy> labels, int[] documents, Map<String, int[]> counts) {
        this.labels = List.copyOf(labels);
        int classes = labels.size();
        int totalDocuments = Arrays.stream(documents).sum();
        logPriors = new double[classes];
        var totals = new double[classes];
        for (var termCounts : counts.values()) {
            for (int c = 0; c < classes; c++) {
                totals[c] += termCounts[c];
            }
        }
        unseenLogLikelihoods = new double[classes];
        for (int c = 0; c < classes; c++) {
            logPriors[c] = Math.log((double) documents[c] / totalDocuments);
            totals[c] += SMOOTHING * counts.size();
            unseenLogLikelihoods[c] = Math.log(SMOOTHING / totals[c]);
        }
        logLikelihoods = new HashMap<>(counts.size() * 2);
        counts.forEach((term, termCounts) -> {
            var logs = new double[classes];
            for (int c = 0; c < classes; c++) {
                logs[c] = Math.log((termCounts[c] + SMOOTHING) / totals[c]);
            }
            logLikelihoods.put(term, logs);
        });
    }

    /** The features of a document: stems of its content words, the headline's twice. */
    public static List<String> terms(String title, String text, TermAnalyzer analyzer) {
        var terms = new ArrayList<String>();
        addTerms(title, analyzer, terms);
        addTerms(title, analyzer, terms);
        addTerms(text, analyzer, terms);
        return terms;
    }

    private static void addTerms(String text, TermAnalyzer analyzer, List<String> terms) {
        if (text == null) {
            return;
        }
        for (var token : Tokens.of(text)) {
            var normalised = TermAnalyzer.normalise(token.text());
            if (normalised.length() > 1
                    && !analyzer.isStopword(normalised)
                    && !Character.isDigit(normalised.charAt(0))) {
                var stem = analyzer.stem(normalised);
                terms.add(Character.isUpperCase(token.text().charAt(0)) ? NAME + stem : stem);
            }
        }
    }

    /** The stem of a term as {@link #terms} returns it. */
    public static String unmarked(String term) {
        return term.startsWith(NAME) ? term.substring(NAME.length()) : term;
    }

    public record Document(Taxonomy label, List<String> terms) {}

    /** The most probable label and its posterior probability. */
    record Prediction(Taxonomy label, double confidence) {}

    /** Trains on the topics that have labelled documents (the BBC classes); the others are left to the lexicon. */
    public static Model train(List<Document> documents) {
        var labels = Arrays.stream(Taxonomy.values())
                .filter(t -> documents.stream().anyMatch(d -> d.label() == t))
                .toList();
        var documentCounts = new int[labels.size()];
        var counts = new TreeMap<String, int[]>();
        for (var document : documents) {
            int c = labels.indexOf(document.label());
            documentCounts[c]++;
            for (var term : document.terms()) {
                counts.computeIfAbsent(unmarked(term), t -> new int[labels.size()])[c]++;
            }
        }
        counts.values().removeIf(termCounts -> Arrays.stream(termCounts).sum() < MIN_TERM_COUNT);
        return new Model(labels, documentCounts, counts);
    }

    Prediction predict(List<String> terms) {
        var posteriors = posteriors(terms);
        int best = 0;
        for (int c = 1; c < posteriors.length; c++) {
            if (posteriors[c] > posteriors[best]) {
                best = c;
            }
        }
        return new Prediction(labels.get(best), posteriors[best]);
    }

    List<Taxonomy> labels() {
        return labels;
    }

    /** The tempered posterior of each of {@link #labels()}, in that order. */
    double[] posteriors(List<String> terms) {
        var scores = logPriors.clone();
        for (var term : terms) {
            var logs = logLikelihoods.get(unmarked(term));
            if (logs == null) {
                continue;
            }
            double weight = term.startsWith(NAME) ? NAME_WEIGHT : 1;
            for (int c = 0; c < scores.length; c++) {
                scores[c] += weight * logs[c];
            }
        }
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        // Naive Bayes multiplies hundreds of dependent word probabilities and so is always sure; tempering by the
        // square root of the length gives a confidence that drops for short or mixed articles.
        double temperature = Math.sqrt(Math.max(1, terms.size()));
        double sum = 0;
        var posteriors = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            posteriors[c] = Math.exp((scores[c] - scores[best]) / temperature);
            sum += posteriors[c];
        }
        for (int c = 0; c < scores.length; c++) {
            posteriors[c] /= sum;
        }
        return posteriors;
    }

    static CategoryModel read(Reader source) throws IOException {
        var reader = new BufferedReader(source);
        var labelLine = reader.readLine().split("\t");
        var documentLine = reader.readLine().split("\t");
        var labels = new ArrayList<Taxonomy>();
        var documents = new int[labelLine.length - 1];
        for (int i = 1; i < labelLine.length; i++) {
            labels.add(Taxonomy.ofLabel(labelLine[i]).orElseThrow());
            documents[i - 1] = Integer.parseInt(documentLine[i]);
        }
        var counts = new HashMap<String, int[]>();
        for (var line = reader.readLine(); line != null; line = reader.readLine()) {
            var fields = line.split("\t");
            var termCounts = new int[labels.size()];
            for (int c = 0; c < termCounts.length; c++) {
                termCounts[c] = Integer.parseInt(fields[c + 1]);
            }
            counts.put(fields[0], termCounts);
        }
        return new CategoryModel(labels, documents, counts);
    }

    /** The training counts, kept only until they are written; the model itself holds log probabilities. */
    public record Model(List<Taxonomy> labels, int[] documents, TreeMap<String, int[]> counts) {

        public CategoryModel build() {
            return new CategoryModel(labels, documents, counts);
        }

        public void write(Writer out) throws IOException {
            out.write("#labels");
            for (var label : labels) {
                out.write("\t" + label.label());
            }
            out.write("\n#documents");
            for (var count : documents) {
                out.write("\t" + count);
            }
            out.write("\n");
            for (var entry : counts.entrySet()) {
                out.write(entry.getKey());
                for (var count : entry.getValue()) {
                    out.write("\t" + count);
                }
                out.write("\n");
            }
        }
    }
}
