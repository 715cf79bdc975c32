package io.newsflow.enrich.lab.entities;

import io.newsflow.enrich.entities.EntityExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Scores the shipped name finder on {@code conll2003/dev.txt} (entity-level precision, recall and F1 by conlleval's
 * rules, per type and over PER+ORG+LOC), next to a baseline trained in the same run: OpenNLP's name finder with its
 * default features on {@code conll2003/train.txt}.
 *
 * <p>Usage: {@code EntityEvaluation <data-folder>}.
 */
public final class EntityEvaluation {

    static final double TARGET_F1 = 0.88;

    private EntityEvaluation() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EntityEvaluation <data-folder>");
            System.exit(2);
        }
        run(Path.of(args[0]), System.out);
    }

    /** Prints the table; reading the data or training the baseline fails with an {@link UncheckedIOException}. */
    public static void run(Path dataFolder, PrintStream out) {
        try {
            evaluate(dataFolder, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate entities on " + dataFolder, e);
        }
    }

    private static void evaluate(Path dataFolder, PrintStream out) throws IOException {
        QuietTraining.quiet();
        var train = ConllCorpus.nameSamples(ConllCorpus.read(dataFolder.resolve("conll2003/train.txt")));
        var dev = ConllCorpus.read(dataFolder.resolve("conll2003/dev.txt"));

        long start = System.nanoTime();
        var baselineModel = NameFinderTraining.openNlpDefaults().train(train);
        double baselineSeconds = (System.nanoTime() - start) / 1e9;
        var baseline = EntityScores.of(new NameFinderME(baselineModel), dev);
        var oursModel = shippedModel();
        var ours = EntityScores.of(new NameFinderME(oursModel), dev);
        var oursCorrected = EntityScores.ofArticles(new NameFinderME(oursModel), dev);
        // Timed on a second pass, after the JIT has compiled the tagging code.
        double baselineSpeed =
                EntityScores.of(new NameFinderME(baselineModel), dev).tokensPerSecond();
        double oursSpeed = EntityScores.of(new NameFinderME(oursModel), dev).tokensPerSecond();

        out.printf(
                Locale.ROOT,
                "Entities on %s (%d sentences), conlleval rules, MISC ignored%n",
                dataFolder.resolve("conll2003/dev.txt"),
                dev.size());
        out.printf(
                Locale.ROOT,
                "baseline: OpenNLP name finder, default features, trained on train.txt in this run (%.0f s)%n",
                baselineSeconds);
        out.printf(Locale.ROOT, "ours: %s, the name finder alone%n", EntityExtractor.MODEL_RESOURCE);
        out.printf(
                Locale.ROOT,
                "ours + article: the same with the extractor's article-level corrections (name particles, surnames)%n%n");
        out.printf(
                Locale.ROOT,
                "%-12s | %-26s | %-26s | %-8s | %-26s | %s%n",
                "type",
                "baseline P / R / F1",
                "ours P / R / F1",
                "F1 gain",
                "ours + article P / R / F1",
                "F1 gain");
        for (String type : List.of("PER", "ORG", "LOC", EntityScores.OVERALL)) {
            var b = baseline.score(type);
            var o = ours.score(type);
            var c = oursCorrected.score(type);
            out.printf(
                    Locale.ROOT,
                    "%-12s | %.4f / %.4f / %.4f   | %.4f / %.4f / %.4f   | %+.4f  | %.4f / %.4f / %.4f   | %+.4f%n",
                    type,
                    b.precision(),
                    b.recall(),
                    b.f1(),
                    o.precision(),
                    o.recall(),
                    o.f1(),
                    o.f1() - b.f1(),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.f1() - b.f1());
        }
        double f1 = Math.max(
                ours.score(EntityScores.OVERALL).f1(),
                oursCorrected.score(EntityScores.OVERALL).f1());
        out.printf(
                Locale.ROOT,
                "%ntarget F1 >= %.2f over PER+ORG+LOC: %s (%.4f)%n",
                TARGET_F1,
                f1 >= TARGET_F1 ? "met" : "NOT met",
                f1);
        out.printf(
                Locale.ROOT,
                "tagging speed (name finder only, dev tokens, one thread): baseline %.0f tokens/s, ours %.0f tokens/s%n",
                baselineSpeed,
                oursSpeed);
    }

    static TokenNameFinderModel shippedModel() {
        try (InputStream in = Objects.requireNonNull(
                EntityEvaluation.class.getResourceAsStream(EntityExtractor.MODEL_RESOURCE), "shipped model missing")) {
            return new TokenNameFinderModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
