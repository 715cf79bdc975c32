package io.newsflow.enrich.lab.entities;

import static io.newsflow.enrich.lab.entities.FeatureDescriptors.descriptor;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.window;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.wordCluster;

import io.newsflow.enrich.entities.WordClusterFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the shipped name finder: OpenNLP's maxent name finder with richer features and word clusters learned from
 * unlabelled news ({@link EntityClusterBuilding}), on {@code conll2003/train.txt}. Deterministic for the same data.
 *
 * <p>Usage: {@code EntityModelTraining <data-folder> <output-model>}.
 */
public final class EntityModelTraining {

    private EntityModelTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EntityModelTraining <data-folder> <output-model>");
            System.exit(2);
        }
        QuietTraining.quiet();
        Path data = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long start = System.nanoTime();
        var clusters = clusters(EntityClusterBuilding.build(data));
        var train = ConllCorpus.nameSamples(ConllCorpus.read(data.resolve("conll2003/train.txt")));
        var model = ours(clusters).train(train);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            model.serialize(out);
        }
        System.out.printf(
                Locale.ROOT,
                "trained on %d sentences in %.0f s, wrote %s (%.1f MB)%n",
                train.size(),
                (System.nanoTime() - start) / 1e9,
                output,
                Files.size(output) / 1e6);
    }

    /** The configuration we ship (see the experiments table in the README beside the model). */
    static NameFinderTraining ours(Map<String, Object> clusters) {
        var generators = new ArrayList<>(FeatureDescriptors.rich());
        for (String name : clusters.keySet()) {
            generators.add(window(1, 1, wordCluster(name)));
        }
        return NameFinderTraining.openNlpDefaults()
                .with("ours: rich features + word clusters " + clusters.keySet(), descriptor(generators), clusters)
                .withTrainer("ours", false, "PERCEPTRON", 300, 3)
                // Beam 2 tags ~1.3x as fast as OpenNLP's default of 3 with the same F1 on dev; greedy decoding (beam 1)
                // is faster still but loses names such as "European Commission" (see the README beside the model).
                .withBeamSize(2);
    }

    static Map<String, Object> clusters(Map<String, List<String>> lines) {
        var clusterings = new LinkedHashMap<String, Object>();
        lines.forEach((name, clusters) -> clusterings.put(name, WordClusterFeatures.Clusters.parse(clusters)));
        return clusterings;
    }
}
