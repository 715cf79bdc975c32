package io.newsflow.enrich.lab.entities;

import static io.newsflow.enrich.lab.entities.FeatureDescriptors.descriptor;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.window;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.wordCluster;

import io.newsflow.enrich.entities.WordClusterFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;

/**
 * Trains the name finder variants we compared on {@code conll2003/train.txt} and scores each on {@code dev.txt}.
 * Usage: {@code EntityExperiments <data-folder> <clusters-folder> [experiment...]}; with no experiment named, all run.
 */
final class EntityExperiments {

    private EntityExperiments() {}

    static Map<String, NameFinderTraining> experiments(Path clustersFolder) throws IOException {
        var all = new LinkedHashMap<String, NameFinderTraining>();
        var baseline = NameFinderTraining.openNlpDefaults();
        all.put("baseline", baseline);
        var rich = baseline.with("rich features", descriptor(FeatureDescriptors.rich()), Map.of());
        all.put("rich", rich);
        all.put("rich-bilou", rich.withTrainer("rich features, BILOU", true, "MAXENT", 100, 5));
        all.put("rich-perceptron", rich.withTrainer("rich features, perceptron 300", false, "PERCEPTRON", 300, 3));
        if (Files.isDirectory(clustersFolder)) {
            var resources = new LinkedHashMap<String, Object>();
            var generators = new ArrayList<>(FeatureDescriptors.rich());
            try (var files = Files.list(clustersFolder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".clusters"))
                        .sorted()
                        .toList()) {
                    String name = file.getFileName().toString().replace(".clusters", "");
                    resources.put(name, WordClusterFeatures.Clusters.parse(Files.readAllLines(file)));
                    generators.add(window(1, 1, wordCluster(name)));
                }
            }
            var clustered = rich.with("rich + word clusters " + resources.keySet(), descriptor(generators), resources);
            all.put("clusters", clustered);
            var gazetteerResources = new LinkedHashMap<>(resources);
            gazetteerResources.put("countries-and-capitals", GazetteerFeatures.countriesAndCapitals());
            var gazetteerGenerators = new ArrayList<>(generators);
            gazetteerGenerators.add(window(1, 1, FeatureDescriptors.gazetteer("countries-and-capitals")));
            all.put(
                    "clusters-gazetteer",
                    rich.with(
                            "rich + clusters + countries and capitals gazetteer",
                            descriptor(gazetteerGenerators),
                            gazetteerResources));
            var wideGenerators = new ArrayList<>(FeatureDescriptors.rich());
            resources.keySet().forEach(name -> wideGenerators.add(window(2, 2, wordCluster(name))));
            all.put(
                    "clusters-window2",
                    rich.with("rich + clusters in a window of 2", descriptor(wideGenerators), resources));
            all.put("clusters-300", clustered.withTrainer("rich + clusters, 300 iterations", false, "MAXENT", 300, 5));
            all.put(
                    "clusters-perceptron",
                    clustered.withTrainer("rich + clusters, perceptron 300", false, "PERCEPTRON", 300, 3));
        }
        return all;
    }

    public static void main(String[] args) throws IOException {
        QuietTraining.quiet();
        Path data = Path.of(args[0]);
        var experiments = experiments(Path.of(args[1]));
        var names = args.length > 2 ? List.of(args).subList(2, args.length) : List.copyOf(experiments.keySet());
        var train = ConllCorpus.nameSamples(ConllCorpus.read(data.resolve("conll2003/train.txt")));
        var dev = ConllCorpus.read(data.resolve("conll2003/dev.txt"));
        PrintStream out = System.out;
        for (String name : names) {
            var training = experiments.get(name);
            long start = System.nanoTime();
            var model = training.train(train);
            double seconds = (System.nanoTime() - start) / 1e9;
            var bytes = new ByteArrayOutputStream();
            model.serialize(bytes);
            var scores = EntityScores.of(new NameFinderME(model), dev);
            var overall = scores.score(EntityScores.OVERALL);
            out.printf(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f | %.4f | %.0f s | %.1f MB | %.0f |%n",
                    training.name(),
                    scores.score("PER").f1(),
                    scores.score("ORG").f1(),
                    scores.score("LOC").f1(),
                    overall.f1(),
                    seconds,
                    bytes.size() / 1e6,
                    scores.tokensPerSecond());
            out.print(scores.table("    "));
            out.flush();
        }
    }
}
