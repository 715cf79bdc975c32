package io.newsflow.enrich.lab.entities;

import static io.newsflow.enrich.lab.entities.FeatureDescriptors.descriptor;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.window;
import static io.newsflow.enrich.lab.entities.FeatureDescriptors.wordCluster;
import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.util.Objects;
import opennlp.tools.namefind.NameFinderME;

/**
 * The name finder variants we compared, and the tuning protocol that compares them without looking at dev (see
 * {@link #main}).
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
            // The shipped recipe (EntityModelTraining.ours) on the clusters of this folder.
            all.put("ours", EntityModelTraining.ours(resources));
            all.put(
                    "clusters-perceptron",
                    clustered.withTrainer("rich + clusters, perceptron 300", false, "PERCEPTRON", 300, 3));
        }
        return all;
    }

    /**
     * The shipped model's own configuration, read back from the model: its feature descriptor, its word clusters and
     * its trainer (perceptron, 300 iterations, cutoff 3, beam 2), so that it can be refitted on the tuning split.
     */
    static NameFinderTraining shipped() {
        var model = EntityEvaluation.shippedModel();
        byte[] descriptor = model.getArtifact("generator.featuregen");
        var resources = new LinkedHashMap<String, Object>();
        for (String name : List.of("kmeans-64", "kmeans-256", "kmeans-1024")) {
            resources.put(name, model.getArtifact(name));
        }
        return NameFinderTraining.openNlpDefaults()
                .with("shipped configuration (rich + its word clusters)", new String(descriptor, UTF_8), resources)
                .withTrainer("shipped configuration: rich + word clusters, perceptron 300", false, "PERCEPTRON", 300, 3)
                .withBeamSize(2);
    }

    /**
     * The tuning protocol: every experiment named is trained on the fitting part of {@code train.txt} and scored on
     * its tuning split ({@link ConllCorpus#tuningSplit}); dev is not read for that. Dev is scored once, at the end,
     * for the shipped model and the default-feature baseline, both trained on the whole of {@code train.txt}.
     *
     * <p>Usage: {@code EntityExperiments <data-folder> [clusters-folder [experiment...]]}; without experiments, the
     * baseline and the shipped configuration run.
     */
    public static void main(String[] args) throws IOException {
        QuietTraining.quiet();
        Path data = Path.of(args[0]);
        var experiments = new LinkedHashMap<String, NameFinderTraining>();
        experiments.put("shipped", shipped());
        experiments.putAll(experiments(Path.of(args.length > 1 ? args[1] : "no-clusters")));
        var names = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("baseline", "shipped");
        var train = ConllCorpus.read(data.resolve("conll2003/train.txt"));
        var split = ConllCorpus.tuningSplit(train);
        PrintStream out = System.out;
        out.printf(
                Locale.ROOT,
                "Tuning split of %s: every %dth document; fit on %d sentences, tune on %d; dev not read%n",
                data.resolve("conll2003/train.txt"),
                ConllCorpus.TUNING_EVERY,
                split.fit().size(),
                split.tune().size());
        out.println("| experiment | PER | ORG | LOC | PER+ORG+LOC | training | model | tokens/s |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var fit = ConllCorpus.nameSamples(split.fit());
        for (String name : names) {
            var training = Objects.requireNonNull(experiments.get(name), () -> "no experiment " + name);
            long start = System.nanoTime();
            var model = training.train(fit);
            double seconds = (System.nanoTime() - start) / 1e9;
            var bytes = new ByteArrayOutputStream();
            model.serialize(bytes);
            row(out, training.name(), EntityScores.of(new NameFinderME(model), split.tune()), seconds, bytes.size());
            out.flush();
        }

        var dev = ConllCorpus.read(data.resolve("conll2003/dev.txt"));
        out.printf(
                Locale.ROOT,
                "%nDev, scored once (%s, %d sentences), trained on all of train.txt%n",
                "dev.txt",
                dev.size());
        out.println("| model | PER | ORG | LOC | PER+ORG+LOC | training | model | tokens/s |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        long start = System.nanoTime();
        var baseline = NameFinderTraining.openNlpDefaults().train(ConllCorpus.nameSamples(train));
        double seconds = (System.nanoTime() - start) / 1e9;
        var bytes = new ByteArrayOutputStream();
        baseline.serialize(bytes);
        row(out, "baseline: OpenNLP defaults", EntityScores.of(new NameFinderME(baseline), dev), seconds, bytes.size());
        var shipped = EntityEvaluation.shippedModel();
        bytes = new ByteArrayOutputStream();
        shipped.serialize(bytes);
        row(out, "shipped model", EntityScores.of(new NameFinderME(shipped), dev), 0, bytes.size());
        row(
                out,
                "shipped model + article-level fixes",
                EntityScores.ofArticles(new NameFinderME(shipped), dev),
                0,
                bytes.size());
    }

    /** One table row; a training time or speed of zero (a model not trained, a pass not timed) prints as "-". */
    private static void row(PrintStream out, String name, EntityScores scores, double seconds, int modelBytes) {
        out.printf(
                Locale.ROOT,
                "| %s | %.4f | %.4f | %.4f | %.4f | %s | %.1f MB | %s |%n",
                name,
                scores.score("PER").f1(),
                scores.score("ORG").f1(),
                scores.score("LOC").f1(),
                scores.score(EntityScores.OVERALL).f1(),
                seconds == 0 ? "-" : String.format(Locale.ROOT, "%.0f s", seconds),
                modelBytes / 1e6,
                scores.tokensPerSecond() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", scores.tokensPerSecond()));
    }
}
