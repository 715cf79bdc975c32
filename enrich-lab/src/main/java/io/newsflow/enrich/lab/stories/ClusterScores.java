package io.newsflow.enrich.lab.stories;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B-cubed and pairwise precision, recall and F1 of a clustering against gold clusters, over the same documents.
 *
 * @param clusters how many clusters the prediction has
 */
record ClusterScores(
        double bcubedPrecision,
        double bcubedRecall,
        double bcubedF1,
        double pairPrecision,
        double pairRecall,
        double pairF1,
        int clusters) {

    /** @param predicted and {@code gold}: the cluster of each document, in the same order */
    static ClusterScores of(List<String> predicted, List<String> gold) {
        var joint = new HashMap<String, Integer>();
        var byPredicted = new HashMap<String, Integer>();
        var byGold = new HashMap<String, Integer>();
        for (int i = 0; i < predicted.size(); i++) {
            joint.merge(predicted.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
            byPredicted.merge(predicted.get(i), 1, Integer::sum);
            byGold.merge(gold.get(i), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double both = joint.get(predicted.get(i) + "\u0000" + gold.get(i));
            precision += both / byPredicted.get(predicted.get(i));
            recall += both / byGold.get(gold.get(i));
        }
        int n = predicted.size();
        precision /= n;
        recall /= n;
        double truePairs = pairs(joint);
        double predictedPairs = pairs(byPredicted);
        double goldPairs = pairs(byGold);
        var pairPrecision = predictedPairs == 0 ? 0 : truePairs / predictedPairs;
        var pairRecall = goldPairs == 0 ? 0 : truePairs / goldPairs;
        return new ClusterScores(
                precision,
                recall,
                f1(precision, recall),
                pairPrecision,
                pairRecall,
                f1(pairPrecision, pairRecall),
                byPredicted.size());
    }

    private static double pairs(Map<String, Integer> sizes) {
        double sum = 0;
        for (int size : sizes.values()) {
            sum += (double) size * (size - 1) / 2;
        }
        return sum;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    String row(String name) {
        return "%-44s B3 P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %5d stories"
                .formatted(name, bcubedPrecision, bcubedRecall, bcubedF1, pairPrecision, pairRecall, pairF1, clusters);
    }
}
