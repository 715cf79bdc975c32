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
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Trains the name finder of one language other than English under the tuning protocol: OpenNLP's default features and
 * the project's richer ones ({@link FeatureDescriptors#rich()}) are each fitted on the training data without its tuning
 * split and scored on that split; the better one is trained on all the training data, and the language's dev set is
 * scored once, beside the default-feature baseline trained on the same data in the same run. The model records its
 * training data and that data's licence in its manifest, where the enrich service reads them.
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
            Corpus dev) {}

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
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/nl/dev.txt")));
            case "es" ->
                new Recipe(
                        "es",
                        "CoNLL-2002 Spanish train (conll2002/es/train.txt, EFE 2000)",
                        CONLL2002_LICENCE,
                        false,
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/es/train.txt")),
                        "conll2002/es/dev.txt",
                        data -> ConllCorpus.readConll2002(data.resolve("conll2002/es/dev.txt")));
            default -> throw new IllegalArgumentException("no recipe for " + key + " (de, nl, fr, es, nl-conll2002)");
        };
    }

    private static List<Path> europeana(Path data, String... files) {
        return java.util.Arrays.stream(files)
                .map(file -> data.resolve("europeana-ner").resolve(file))
                .toList();
    }

    /** The two candidates: OpenNLP's defaults (also the baseline) and the richer features, same trainer. */
    static List<NameFinderTraining> candidates() {
        var defaults = NameFinderTraining.openNlpDefaults();
        return List.of(
                defaults,
                defaults.with(
                        "rich features, maxent 100",
                        FeatureDescriptors.descriptor(FeatureDescriptors.rich()),
                        Map.of()));
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
        var fit = ConllCorpus.nameSamples(split.fit());
        NameFinderTraining chosen = null;
        double best = -1;
        for (var candidate : candidates()) {
            long start = System.nanoTime();
            var model = candidate.train(fit, recipe.language());
            var scores = EntityScores.of(new NameFinderME(model), split.tune());
            double f1 = scores.score(EntityScores.OVERALL).f1();
            out.printf(
                    Locale.ROOT,
                    "tuning split, %s (%.0f s):%n%s",
                    candidate.name(),
                    (System.nanoTime() - start) / 1e9,
                    scores.table("  "));
            if (f1 > best) {
                best = f1;
                chosen = candidate;
            }
        }
        out.printf(Locale.ROOT, "chosen on the tuning split: %s%n", chosen.name());

        var all = ConllCorpus.nameSamples(train);
        var baselineTraining = candidates().getFirst();
        var baselineModel = baselineTraining.train(all, recipe.language());
        var model = chosen == baselineTraining ? baselineModel : chosen.train(all, recipe.language());
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
        out.printf(Locale.ROOT, "  ours (%s, all training data):%n%s", chosen.name(), ours.table("    "));
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
        var bytes = new ByteArrayOutputStream();
        model.serialize(bytes);
        return new LabelledModel(
                new ByteArrayInputStream(bytes.toByteArray()),
                Map.of(TRAINING_DATA_ENTRY, recipe.trainingData(), LICENCE_ENTRY, recipe.licence()));
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
