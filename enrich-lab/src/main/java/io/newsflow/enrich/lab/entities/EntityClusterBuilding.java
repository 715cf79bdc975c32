package io.newsflow.enrich.lab.entities;

import io.newsflow.enrich.lab.eval.BbcCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Learns word clusters from unlabelled news for the name finder's cluster features: every word seen at least
 * {@value #MIN_COUNT} times gets a vector of the words around it (PPMI-weighted counts of its two left and two right
 * neighbours, randomly projected to {@value #DIMENSIONS} dimensions), and spherical k-means groups the vectors at
 * several granularities. Deterministic (fixed seeds, sorted inputs).
 *
 * <p>Usage: {@code EntityClusterBuilding <data-folder> <output-folder>}; reads {@code bbc/articles} and the tokens of
 * {@code conll2003/train.txt} (never dev), writes {@code kmeans-<k>.clusters} ("word cluster" per line, lower case).
 */
public final class EntityClusterBuilding {

    static final int MIN_COUNT = 3;
    static final int CONTEXT_WORDS = 1000;
    static final int DIMENSIONS = 200;
    static final int[] CLUSTER_COUNTS = {64, 256, 1024};
    private static final int ITERATIONS = 12;
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}.&'-]*|\\p{N}[\\p{N}.,]*|\\S");

    private EntityClusterBuilding() {}

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        boolean more = args.length > 2 && args[2].equals("--more-news");
        for (var clusters : build(Path.of(args[0]), more).entrySet()) {
            Files.write(output.resolve(clusters.getKey() + ".clusters"), clusters.getValue(), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "wrote %s.clusters%n", clusters.getKey());
        }
    }

    /** For each granularity ({@code kmeans-<k>}), the lines "word cluster", sorted. */
    static Map<String, List<String>> build(Path data) throws IOException {
        return build(data, false);
    }

    /**
     * As {@link #build(Path)}; with {@code moreNews}, the unlabelled English news text of the other data sets joins
     * the corpus (see {@link #moreNews}).
     */
    static Map<String, List<String>> build(Path data, boolean moreNews) throws IOException {
        var sentences = corpus(data);
        if (moreNews) {
            sentences.addAll(moreNews(data));
        }
        return build(sentences);
    }

    /** As {@link #build(Path)}, from any lower-cased token arrays (another language's unlabelled text). */
    static Map<String, List<String>> build(List<String[]> sentences) {
        long tokens = sentences.stream().mapToLong(s -> s.length).sum();
        var vocabulary = new Vocabulary(sentences);
        float[][] vectors = vectors(sentences, vocabulary);
        System.out.printf(
                Locale.ROOT, "%d lines, %d tokens, %d words clustered%n", sentences.size(), tokens, vectors.length);
        var all = new java.util.LinkedHashMap<String, List<String>>();
        for (int k : CLUSTER_COUNTS) {
            int[] assignment = kMeans(vectors, k, 42L + k);
            var lines = new ArrayList<String>();
            for (int w = 0; w < vectors.length; w++) {
                lines.add(vocabulary.words.get(w) + " c" + k + "_" + assignment[w]);
            }
            lines.sort(Comparator.naturalOrder());
            all.put("kmeans-" + k, List.copyOf(lines));
        }
        return all;
    }

    /** Lower-cased token arrays, one per line of text. */
    static List<String[]> corpus(Path data) throws IOException {
        var sentences = new ArrayList<String[]>();
        List<Path> articles;
        try (Stream<Path> files = Files.walk(data.resolve("bbc/articles"))) {
            articles = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path article : articles) {
            for (String line : BbcCorpus.decode(Files.readAllBytes(article)).split("\\R")) {
                var tokens = tokens(line);
                if (!tokens.isEmpty()) {
                    sentences.add(lowerCase(tokens));
                }
            }
        }
        for (var sentence : ConllCorpus.read(data.resolve("conll2003/train.txt"))) {
            sentences.add(lowerCase(sentence.tokens()));
        }
        return sentences;
    }

    /**
     * More English news text, unlabelled, from the data sets whose terms allow training models on it (data/README.md):
     * the ECB+ articles, the bodies of the extraction and metadata benchmarks' gold articles and the NewsMTSC
     * sentences. Their labels are not read.
     */
    static List<String[]> moreNews(Path data) throws IOException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var texts = new ArrayList<String>();
        for (String line : Files.readAllLines(data.resolve("stories/ecbplus/documents.jsonl"))) {
            texts.add(json.readTree(line).path("text").asString(""));
        }
        for (String line : Files.readAllLines(data.resolve("newsmtsc/train.jsonl"))) {
            texts.add(json.readTree(line).path("sentence_normalized").asString(""));
        }
        for (String file : List.of("extraction-benchmark/ground-truth.json", "metadata-benchmark/articles.json")) {
            json.readTree(data.resolve(file).toFile())
                    .values()
                    .forEach(article -> texts.add(article.path("articleBody").asString("")));
        }
        var sentences = new ArrayList<String[]>();
        for (String text : texts) {
            // Curly apostrophes as straight ones, as the BBC text writes them.
            for (String line : text.replace('\u2019', '\'').split("\\R")) {
                var tokens = tokens(line);
                if (!tokens.isEmpty()) {
                    sentences.add(lowerCase(tokens));
                }
            }
        }
        return sentences;
    }

    private static List<String> tokens(String line) {
        var tokens = new ArrayList<String>();
        var matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            String token = matcher.group();
            if (token.endsWith("'s") && token.length() > 2) {
                tokens.add(token.substring(0, token.length() - 2));
                tokens.add("'s");
            } else {
                tokens.add(token);
            }
        }
        return tokens;
    }

    static String[] lowerCase(List<String> tokens) {
        return tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    static final class Vocabulary {
        final List<String> words = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> contextIndex = new HashMap<>();

        Vocabulary(List<String[]> sentences) {
            var counts = new HashMap<String, Integer>();
            for (String[] sentence : sentences) {
                for (String token : sentence) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
            var byFrequency = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            for (var entry : byFrequency) {
                if (entry.getValue() >= MIN_COUNT) {
                    index.put(entry.getKey(), words.size());
                    words.add(entry.getKey());
                }
                if (contextIndex.size() < CONTEXT_WORDS) {
                    contextIndex.put(entry.getKey(), contextIndex.size());
                }
            }
        }
    }

    /** PPMI-weighted context counts at offsets -2, -1, +1, +2, projected with a fixed random sign matrix. */
    static float[][] vectors(List<String[]> sentences, Vocabulary vocabulary) {
        int words = vocabulary.words.size();
        int features = 4 * (CONTEXT_WORDS + 1);
        var cooccurrences = new ArrayList<Map<Integer, Integer>>(words);
        for (int w = 0; w < words; w++) {
            cooccurrences.add(new HashMap<>());
        }
        long[] featureTotals = new long[features];
        long total = 0;
        int[] offsets = {-2, -1, 1, 2};
        for (String[] sentence : sentences) {
            for (int i = 0; i < sentence.length; i++) {
                Integer w = vocabulary.index.get(sentence[i]);
                if (w == null) {
                    continue;
                }
                for (int o = 0; o < offsets.length; o++) {
                    int j = i + offsets[o];
                    String context = j < 0 ? "<s>" : j >= sentence.length ? "</s>" : sentence[j];
                    int feature =
                            o * (CONTEXT_WORDS + 1) + vocabulary.contextIndex.getOrDefault(context, CONTEXT_WORDS);
                    cooccurrences.get(w).merge(feature, 1, Integer::sum);
                    featureTotals[feature]++;
                    total++;
                }
            }
        }
        var random = new SplittableRandom(7);
        float[][] projection = new float[features][DIMENSIONS];
        for (float[] row : projection) {
            for (int d = 0; d < DIMENSIONS; d++) {
                row[d] = random.nextBoolean() ? 1f : -1f;
            }
        }
        float[][] vectors = new float[words][DIMENSIONS];
        for (int w = 0; w < words; w++) {
            var counts = cooccurrences.get(w);
            long wordTotal =
                    counts.values().stream().mapToLong(Integer::longValue).sum();
            for (var entry : counts.entrySet()) {
                double pmi = Math.log((double) entry.getValue() * total / (wordTotal * featureTotals[entry.getKey()]));
                if (pmi > 0) {
                    float[] row = projection[entry.getKey()];
                    for (int d = 0; d < DIMENSIONS; d++) {
                        vectors[w][d] += (float) pmi * row[d];
                    }
                }
            }
            normalise(vectors[w]);
        }
        return vectors;
    }

    private static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < vector.length; d++) {
                vector[d] *= scale;
            }
        }
    }

    /**
     * Commons Math's k-means++ (Euclidean distance, which on unit vectors orders neighbours as cosine similarity does),
     * at most {@value #ITERATIONS} rounds, seeded for a deterministic result. The cluster of each word, by index.
     */
    static int[] kMeans(float[][] vectors, int k, long seed) {
        var points = new ArrayList<WordPoint>(vectors.length);
        for (int w = 0; w < vectors.length; w++) {
            points.add(new WordPoint(w, toDoubles(vectors[w])));
        }
        var clusterer =
                new KMeansPlusPlusClusterer<WordPoint>(k, ITERATIONS, new EuclideanDistance(), new Well19937c(seed));
        int[] assignment = new int[vectors.length];
        var clusters = clusterer.cluster(points);
        for (int c = 0; c < clusters.size(); c++) {
            for (var point : clusters.get(c).getPoints()) {
                assignment[point.word()] = c;
            }
        }
        return assignment;
    }

    private static double[] toDoubles(float[] vector) {
        double[] doubles = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            doubles[d] = vector[d];
        }
        return doubles;
    }

    private record WordPoint(int word, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }
}
