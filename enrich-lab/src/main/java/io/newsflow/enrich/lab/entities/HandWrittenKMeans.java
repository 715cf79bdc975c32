package io.newsflow.enrich.lab.entities;

import java.util.SplittableRandom;

/** The spherical k-means the word clusters were built with before Commons Math's k-means++, kept for the comparison. */
final class HandWrittenKMeans {

    private HandWrittenKMeans() {}

    /** Spherical k-means (cosine similarity on unit vectors), seeded with k distinct random words. */
    static int[] kMeans(float[][] vectors, int k, long seed, int iterations) {
        var random = new SplittableRandom(seed);
        int dimensions = vectors[0].length;
        float[][] centroids = new float[k][];
        var chosen = new java.util.HashSet<Integer>();
        for (int c = 0; c < k; c++) {
            int w;
            do {
                w = random.nextInt(vectors.length);
            } while (!chosen.add(w));
            centroids[c] = vectors[w].clone();
        }
        int[] assignment = new int[vectors.length];
        for (int iteration = 0; iteration < iterations; iteration++) {
            for (int w = 0; w < vectors.length; w++) {
                float best = -Float.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    float dot = 0;
                    float[] centroid = centroids[c];
                    float[] vector = vectors[w];
                    for (int d = 0; d < dimensions; d++) {
                        dot += centroid[d] * vector[d];
                    }
                    if (dot > best) {
                        best = dot;
                        assignment[w] = c;
                    }
                }
            }
            float[][] sums = new float[k][dimensions];
            for (int w = 0; w < vectors.length; w++) {
                for (int d = 0; d < dimensions; d++) {
                    sums[assignment[w]][d] += vectors[w][d];
                }
            }
            for (int c = 0; c < k; c++) {
                normalise(sums[c]);
                boolean empty = true;
                for (float v : sums[c]) {
                    empty &= v == 0;
                }
                centroids[c] = empty ? vectors[random.nextInt(vectors.length)].clone() : sums[c];
            }
        }
        return assignment;
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
}
