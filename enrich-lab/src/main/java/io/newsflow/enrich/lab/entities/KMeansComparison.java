package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The word clusters' k-means by Commons Math (k-means++) against the hand-written spherical k-means, on the same
 * vectors (the BBC articles and the tokens of {@code conll2003/train.txt}, as {@link EntityClusterBuilding} reads
 * them): wall time, and the within-cluster sum of squares of each assignment (squared Euclidean distance of every unit
 * vector to its cluster's mean; lower is tighter).
 *
 * <p>Usage: {@code KMeansComparison <data-folder>}.
 */
final class KMeansComparison {

    private KMeansComparison() {}

    public static void main(String[] args) throws IOException {
        var sentences = EntityClusterBuilding.corpus(Path.of(args[0]));
        var vectors = EntityClusterBuilding.vectors(sentences, new EntityClusterBuilding.Vocabulary(sentences));
        System.out.printf(Locale.ROOT, "%d words, %d dimensions%n", vectors.length, vectors[0].length);
        System.out.printf(Locale.ROOT, "| k | hand-written: time, WCSS | Commons Math k-means++: time, WCSS |%n");
        for (int k : EntityClusterBuilding.CLUSTER_COUNTS) {
            long start = System.nanoTime();
            int[] ours = HandWrittenKMeans.kMeans(vectors, k, 42L + k, EntityClusterBuilding.ITERATIONS);
            double oursSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int[] library = EntityClusterBuilding.kMeans(vectors, k, 42L + k);
            double librarySeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f s, %.1f | %.1f s, %.1f |%n",
                    k,
                    oursSeconds,
                    withinClusterSumOfSquares(vectors, ours, k),
                    librarySeconds,
                    withinClusterSumOfSquares(vectors, library, k));
        }
    }

    static double withinClusterSumOfSquares(float[][] vectors, int[] assignment, int k) {
        int dimensions = vectors[0].length;
        double[][] means = new double[k][dimensions];
        int[] sizes = new int[k];
        for (int w = 0; w < vectors.length; w++) {
            sizes[assignment[w]]++;
            for (int d = 0; d < dimensions; d++) {
                means[assignment[w]][d] += vectors[w][d];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dimensions && sizes[c] > 0; d++) {
                means[c][d] /= sizes[c];
            }
        }
        double sum = 0;
        for (int w = 0; w < vectors.length; w++) {
            for (int d = 0; d < dimensions; d++) {
                double difference = vectors[w][d] - means[assignment[w]][d];
                sum += difference * difference;
            }
        }
        return sum;
    }
}
