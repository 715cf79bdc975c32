package io.newsflow.enrich.lab.entities;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Trains the name finder of one language other than English under the tuning protocol: OpenNLP's default features and
 * the project's richer ones ({@link FeatureDescriptors#rich()}) are each fitted on the training data without its tuning
 * split and scored on that split; the better one is trained on all the training data, and the language's dev set is
 * scored once, beside the default-feature baseline trained on the same data in the same run. Where a recipe names
 * unlabelled text for word clusters (the CoNLL-2002 ones), the English recipe joins the candidates: the rich features
 * plus word clusters learned from that text ({@link EntityClusterBuilding}), with maxent and with the perceptron
 * ({@link EntityModelTraining#ours}). Every candidate is scored at beams {@code 1, 2, 3} (the beam only decodes, so one
 * trained model serves all three). The model records its training data and that data's licence in its manifest, where
 * the enrich service reads them.
 *
 * <p>Usage: {@code LanguageEntityTraining <data-folder> <de|nl|fr|es|nl-conll2002> <output-model>}.
 */
public final class LanguageEntityTraining {

    /** Manifest entries of the models trained here; the enrich service logs them when it loads an opt-in model. */
    static final String TRAINING_DATA_ENTRY = "Newsflow-Training-Data";

    static final String LICENCE_ENTRY = "Newsflow-Licence";

    private static final String EUROPEANA = "Europeana Newspapers NER corpora (europeana-ner)";
    private static final String EUROPEANA_LICENCE = "CC0 1.0";
    private static final String CONLL2002_LICENCE = "CoNLL-2002: research use only, no commercial use";

    /** The French dev pages: one whole issue (enp_FR.bnf.md, lines L025583 - L063789). */
    static final int FR_DEV_FROM = 25583;

    static final int FR_DEV_TO = 63789;

    private LanguageEntityTraining() {}

    /** Where one language's training and dev data come from, and what the training data's licence allows. */
    record Recipe(
            String language,
            String trainingData,
            String licence,
            boolean shippable,
            Corpus train,
            String devName,
            Corpus dev,
            String clusterTextName,
            Corpus clusterText) {

        Recipe(
                String language,
                String trainingData,
                String licence,
                boolean shippable,
                Corpus train,
                String devName,
                Corpus dev) {
            this(language, trainingData, licence, shippable, train, devName, dev, null, null);
        }
    }

    interface Corpus {
        List<ConllCorpus.Sentence> read(Path data) throws IOException;
    }

    static Recipe recipe(String key) {
        return switch (key) {
            case "de" ->
                new Recipe(
                        "de",
                        EUROPEANA + ": enp_DE.lft, enp_DE.onb, enp_DE.sbb",
                        EUROPEANA_LICENCE,
                        true,
                        data -> EuropeanaCorpus.read(
                                europeana(data, "enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio")),
                        "germeval2014/dev.tsv (outer PER/LOC/ORG; OTH, deriv and part as O)",
                        data -> GermEvalCorpus.read(data.resolve("germeval2014/dev.tsv")));
            case "nl" ->
                new Recipe(
                        "nl",
                        EUROPEANA + ": enp_NL.kb",
                        EUROPEANA_LICENCE,
                        true,
                        data -> EuropeanaCorpus.read(europeana(data, "enp_NL.kb.bio")),
                        "conll2002/nl/dev.txt",
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/nl/dev.txt")));
            case "fr" ->
                // No other French NER data here: dev is the whole issue of L'Ouest-Eclair of 25-07-1906 (its six
                // pages, lines 25583-63789 of enp_FR.bnf.bio), held out of the tuning split and of training.
                new Recipe(
                        "fr",
                        EUROPEANA + ": enp_FR.bnf without lines " + FR_DEV_FROM + "-" + FR_DEV_TO,
                        EUROPEANA_LICENCE,
                        true,
                        data -> EuropeanaCorpus.readLines(
                                europeana(data, "enp_FR.bnf.bio").getFirst(), FR_DEV_FROM, FR_DEV_TO, false),
                        "enp_FR.bnf.bio lines " + FR_DEV_FROM + "-" + FR_DEV_TO
                                + " (L'Ouest-Eclair 25-07-1906, pages 1-6; held out of tuning and training)",
                        data -> EuropeanaCorpus.readLines(
                                europeana(data, "enp_FR.bnf.bio").getFirst(), FR_DEV_FROM, FR_DEV_TO, true));
            case "nl-conll2002" ->
                new Recipe(
                        "nl",
                        "CoNLL-2002 Dutch train (conll2002/nl/train.txt, De Morgen 2000)",
                        CONLL2002_LICENCE,
                        false,
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/nl/train.txt")),
                        "conll2002/nl/dev.txt",
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/nl/dev.txt")),
                        "the tokens of conll2002/nl/train.txt and of europeana-ner/enp_NL.kb.bio (CC0), no labels",
                        data -> {
                            var text = new java.util.ArrayList<>(
                                    ConllCorpus.readConll2002(data.resolve("conll2002/nl/train.txt")));
                            text.addAll(EuropeanaCorpus.read(europeana(data, "enp_NL.kb.bio")));
                            return text;
                        });
            case "es" ->
                new Recipe(
                        "es",
                        "CoNLL-2002 Spanish train (conll2002/es/train.txt, EFE 2000)",
                        CONLL2002_LICENCE,
                        false,
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/es/train.txt")),
                        "conll2002/es/dev.txt",
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/es/dev.txt")),
                        "the tokens of conll2002/es/train.txt, no labels",
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/es/train.txt")));
            default -> throw new IllegalArgumentException("no recipe for " + key + " (de, nl, fr, es, nl-conll2002)");
        };
    }

    private static List<Path> europeana(Path data, String... files) {
        return java.util.Arrays.stream(files)
                .map(file -> data.resolve("europeana-ner").resolve(file))
                .toList();
    }

    /** The beams every candidate is scored at on the tuning split. */
    static final List<Integer> BEAMS = List.of(1, 2, 3);

    /**
     * OpenNLP's defaults (also the baseline) and the richer features, same trainer; with word clusters, also the rich
     * features plus clusters with maxent and the English recipe (the same plus the perceptron, 300 iterations).
     */
    static List<NameFinderTraining> candidates(Map<String, Object> clusters) {
        var defaults = NameFinderTraining.openNlpDefaults();
        var rich = defaults.with(
                "rich features, maxent 100", FeatureDescriptors.descriptor(FeatureDescriptors.rich()), Map.of());
        if (clusters.isEmpty()) {
            return List.of(defaults, rich);
        }
        var ours = EntityModelTraining.ours(clusters);
        return List.of(
                defaults,
                rich,
                ours.withTrainer("rich features + word clusters, maxent 100", false, "MAXENT", 100, 5)
                        .withBeamSize(NameFinderME.DEFAULT_BEAM_SIZE),
                ours.withTrainer("rich features + word clusters, perceptron 300", false, "PERCEPTRON", 300, 3));
    }

    /** Word clusters from the recipe's unlabelled text (lower-cased tokens; labels not read), none if it has none. */
    static Map<String, Object> clusters(Path data, Recipe recipe, PrintStream out) throws IOException {
        if (recipe.clusterText() == null) {
            return Map.of();
        }
        long start = System.nanoTime();
        var text = recipe.clusterText().read(data).stream()
                .map(sentence -> EntityClusterBuilding.lowerCase(sentence.tokens()))
                .toList();
        var clusters = EntityModelTraining.clusters(EntityClusterBuilding.build(text));
        out.printf(
                Locale.ROOT,
                "word clusters from %s: %s (%.0f s)%n",
                recipe.clusterTextName(),
                clusters.keySet(),
                (System.nanoTime() - start) / 1e9);
        return clusters;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LanguageEntityTraining <data-folder> <de|nl|fr|es|nl-conll2002> <output-model>");
            System.exit(2);
        }
        QuietTraining.quiet();
        run(Path.of(args[0]), recipe(args[1]), Path.of(args[2]), System.out);
    }

    static void run(Path data, Recipe recipe, Path output, PrintStream out) throws IOException {
        var train = recipe.train().read(data);
        var split = ConllCorpus.tuningSplit(train);
        out.printf(
                Locale.ROOT,
                "%s: training data %s (%s), %d sentences; tuning split %d sentences (every %dth document)%n",
                recipe.language(),
                recipe.trainingData(),
                recipe.licence(),
                train.size(),
                split.tune().size(),
                ConllCorpus.TUNING_EVERY);
        var clusters = clusters(data, recipe, out);
        var candidates = candidates(clusters);
        var fit = ConllCorpus.nameSamples(split.fit());
        NameFinderTraining chosen = null;
        double best = -1;
        for (var candidate : candidates) {
            long start = System.nanoTime();
            var trained = candidate.train(fit, recipe.language());
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int beam : BEAMS) {
                var scores = EntityScores.of(new NameFinderME(withBeam(trained, beam)), split.tune());
                double f1 = scores.score(EntityScores.OVERALL).f1();
                out.printf(
                        Locale.ROOT,
                        "tuning split, %s, beam %d (trained in %.0f s):%n%s",
                        candidate.name(),
                        beam,
                        seconds,
                        scores.table("  "));
                // Ties go to the earlier candidate and the smaller (faster) beam.
                if (f1 > best) {
                    best = f1;
                    chosen = candidate.withBeamSize(beam);
                }
            }
        }
        out.printf(Locale.ROOT, "chosen on the tuning split: %s, beam %d%n", chosen.name(), chosen.beamSize());

        var all = ConllCorpus.nameSamples(train);
        var baselineTraining = candidates.getFirst();
        var baselineModel = baselineTraining.train(all, recipe.language());
        var model = chosen.equals(baselineTraining) ? baselineModel : chosen.train(all, recipe.language());
        var dev = recipe.dev().read(data);
        var baseline = EntityScores.of(new NameFinderME(baselineModel), dev);
        var ours = EntityScores.of(new NameFinderME(model), dev);
        out.printf(
                Locale.ROOT,
                "%ndev, scored once: %s (%d sentences), conlleval rules, MISC ignored%n",
                recipe.devName(),
                dev.size());
        out.printf(
                Locale.ROOT,
                "  baseline (%s, all training data):%n%s",
                baselineTraining.name(),
                baseline.table("    "));
        out.printf(
                Locale.ROOT,
                "  ours (%s, beam %d, all training data):%n%s",
                chosen.name(),
                chosen.beamSize(),
                ours.table("    "));
        out.printf(
                Locale.ROOT,
                "  PER+ORG+LOC F1: ours %.4f, baseline %.4f (%+.4f)%n",
                ours.score(EntityScores.OVERALL).f1(),
                baseline.score(EntityScores.OVERALL).f1(),
                ours.score(EntityScores.OVERALL).f1()
                        - baseline.score(EntityScores.OVERALL).f1());

        write(labelled(model, recipe), output);
        out.printf(
                Locale.ROOT,
                "wrote %s (%.2f MB)%s%n",
                output,
                Files.size(output) / 1e6,
                recipe.shippable() ? "" : "; opt-in only, never in the default build: " + recipe.licence());
    }

    /** The model with its training data and licence in its manifest (OpenNLP lets only a subclass set entries). */
    static TokenNameFinderModel labelled(TokenNameFinderModel model, Recipe recipe) throws IOException {
        return withManifest(model, Map.of(TRAINING_DATA_ENTRY, recipe.trainingData(), LICENCE_ENTRY, recipe.licence()));
    }

    /** The same model decoding with another beam: the name finder reads its beam from the manifest. */
    static TokenNameFinderModel withBeam(TokenNameFinderModel model, int beam) throws IOException {
        return withManifest(model, Map.of(BeamSearch.BEAM_SIZE_PARAMETER, Integer.toString(beam)));
    }

    private static TokenNameFinderModel withManifest(TokenNameFinderModel model, Map<String, String> entries)
            throws IOException {
        var bytes = new ByteArrayOutputStream();
        model.serialize(bytes);
        return new LabelledModel(new ByteArrayInputStream(bytes.toByteArray()), entries);
    }

    private static final class LabelledModel extends TokenNameFinderModel {
        LabelledModel(InputStream in, Map<String, String> entries) throws IOException {
            super(in);
            entries.forEach(this::setManifestProperty);
        }
    }

    private static void write(TokenNameFinderModel model, Path output) throws IOException {
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            model.serialize(out);
        }
    }
}
