package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.events.Enrichment.Category;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tuning protocol of the Media Topics classifier. Its two settings ({@link CategoryClassifier.Settings}) are
 * chosen on tuning data only: the BBC articles numbered 3 modulo 5 (the model and the lexicon's frequencies fitted on
 * those numbered 2 and 4) and the odd ECB+ topics. Then, once, the shipped classifier (trained on every BBC article
 * not held out), the classifier with the chosen settings, the five-topic model alone (what Newsflow had before) and
 * the lexicon alone are scored on the held-out BBC split (numbers 1 modulo 5), the even ECB+ topics, the UCI
 * headlines and the articles written for Newsflow.
 *
 * <p>{@code ./newsflow tune-topics <data-folder>} runs it.
 */
public final class TopicExperiments {

    private static final double[] SHARES = {0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1};
    private static final double[] SMOOTHINGS = {0.125, 0.25, 0.5, 1, 2, 4};
    /** Below it the classifier says it does not know (the tags leave the category out). */
    private static final double CONFIDENT = io.newsflow.events.Enrichment.Category.CONFIDENT;

    private static final double NOISE = 0.005;
    /** A confident category must be right this often on the tuning data. */
    private static final double CONFIDENT_ACCURACY = 0.9;

    private TopicExperiments() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--tuning-only"))) {
            System.err.println("usage: TopicExperiments <data-folder> [--tuning-only]");
            System.exit(2);
        }
        run(Path.of(args[0]), args.length == 1, System.out);
    }

    /** @param scoreHeldOut whether to score the held-out sets too (once, at the end of the work on a recipe) */
    static void run(Path dataFolder, boolean scoreHeldOut, PrintStream out) {
        var english = new TermAnalyzers(EnrichComponents.properties()).forLanguage("en");
        var corpus = BbcCorpus.read(dataFolder);

        out.println("== Tuning: fitted on BBC articles 2 and 4 mod 5; scored on BBC 3 mod 5 and the odd ECB+ topics");
        var fitting = corpus.stream()
                .filter(a -> a.number() % 5 == 2 || a.number() % 5 == 4)
                .toList();
        var fitted = CategoryTraining.train(dataFolder, fitting, english);
        var fittedModel = fitted.model().build();
        var bbcTuning = TopicSamples.bbc(corpus, n -> n % 5 == 3);
        var ecbTuning = TopicSamples.ecbPlus(dataFolder, topic -> topic % 2 == 1);
        out.printf(
                "BBC tuning n=%d, ECB+ tuning n=%d; score = mean of the two accuracies%n",
                bbcTuning.size(), ecbTuning.size());
        out.printf("%-8s", "share");
        for (double smoothing : SMOOTHINGS) {
            out.printf("  smoothing %-5s      ", smoothing);
        }
        out.println();
        var scores = new java.util.LinkedHashMap<CategoryClassifier.Settings, Double>();
        for (double share : SHARES) {
            out.printf("%-8s", share);
            for (double smoothing : SMOOTHINGS) {
                var settings = new CategoryClassifier.Settings(share, smoothing);
                var classifier = CategoryClassifier.of(fittedModel, fitted.lexicon(), settings);
                double bbc = score(classifier, bbcTuning, english).accuracy();
                double ecb = score(classifier, ecbTuning, english).accuracy();
                scores.put(settings, (bbc + ecb) / 2);
                out.printf("  %.3f %.3f -> %.3f", bbc, ecb, (bbc + ecb) / 2);
            }
            out.println();
        }
        double best =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // Within noise of the best, the most smoothing: an article with a seed word or two should not get a confident
        // topic from them, and the tuning score does not see that.
        var chosen = scores.entrySet().stream()
                .filter(e -> e.getValue() >= best - NOISE)
                .map(Map.Entry::getKey)
                .max(java.util.Comparator.comparingDouble(CategoryClassifier.Settings::evidenceSmoothing)
                        .thenComparing(java.util.Comparator.comparingDouble(CategoryClassifier.Settings::lexiconShare)
                                .reversed()))
                .orElseThrow();
        out.printf(
                "best on the tuning data: %.3f; chosen (within %.3f of it, the most smoothing, then the least share):"
                        + " %s (%.3f); shipped: %s%n%n",
                best, NOISE, chosen, scores.get(chosen), CategoryClassifier.SHIPPED);
        var tuning = new java.util.ArrayList<>(bbcTuning);
        tuning.addAll(ecbTuning);
        var chosenFitted = CategoryClassifier.of(fittedModel, fitted.lexicon(), chosen);
        out.println("confidence threshold on the tuning data (chosen settings): share of articles at or above it,"
                + " their accuracy");
        double chosenThreshold = Double.NaN;
        for (int step = 0; step <= 10; step++) {
            double t = 0.2 + step * 0.05;
            var above = tuning.stream()
                    .filter(sample -> chosenFitted
                                    .classify(sample.title(), sample.text(), english)
                                    .map(Category::confidence)
                                    .orElse(0.0)
                            >= t)
                    .toList();
            double accuracy =
                    above.isEmpty() ? 0 : score(chosenFitted, above, english).accuracy();
            out.printf(
                    "  >= %.2f: %.2f of articles, accuracy %.3f%n", t, (double) above.size() / tuning.size(), accuracy);
            if (Double.isNaN(chosenThreshold) && accuracy >= CONFIDENT_ACCURACY) {
                chosenThreshold = t;
            }
        }
        out.printf(
                "threshold chosen (the lowest whose articles are %.2f right): %.2f; shipped (tags leave the category"
                        + " out below it): %.2f%n%n",
                CONFIDENT_ACCURACY, chosenThreshold, CONFIDENT);
        if (!scoreHeldOut) {
            return;
        }

        var training = corpus.stream().filter(a -> !a.heldOut()).toList();
        var trained = CategoryTraining.train(dataFolder, training, english);
        var model = trained.model().build();
        var candidates = new TreeMap<String, CategoryClassifier>();
        candidates.put("1 shipped " + CategoryClassifier.SHIPPED, EnrichComponents.alone(CategoryClassifier.class));
        candidates.put("2 chosen " + chosen, CategoryClassifier.of(model, trained.lexicon(), chosen));
        candidates.put("3 baseline: BBC model alone (5 topics)", CategoryClassifier.modelOnly(model));
        candidates.put(
                "4 baseline: IPTC lexicon alone",
                CategoryClassifier.of(
                        model, trained.lexicon(), new CategoryClassifier.Settings(1, chosen.evidenceSmoothing())));
        var sets = new java.util.LinkedHashMap<String, List<TopicSamples.Sample>>();
        sets.put("BBC held-out (1 mod 5), scored once", TopicSamples.bbc(corpus, n -> n % 5 == 1));
        sets.put(
                "ECB+ even topics, hand-mapped (accepted topics count)",
                TopicSamples.ecbPlus(dataFolder, t -> t % 2 == 0));
        sets.put("UCI headlines (b/t/e/m), headline only", TopicSamples.uciHeadlines(dataFolder));
        sets.put("written for Newsflow (22 short articles)", TopicSamples.handLabelled());
        sets.forEach((name, samples) -> {
            out.printf("== %s, n=%d%n", name, samples.size());
            candidates.forEach((candidate, classifier) -> {
                var scored = score(classifier, samples, english);
                out.printf(
                        "%-52s accuracy %.3f | confident (>= %.2f): %.2f of articles, accuracy %.3f | mean confidence"
                                + " right %.2f, wrong %.2f%n",
                        candidate,
                        scored.accuracy(),
                        CONFIDENT,
                        scored.confidentShare(),
                        scored.confidentAccuracy(),
                        scored.meanRight(),
                        scored.meanWrong());
            });
            var perClass = score(candidates.firstEntry().getValue(), samples, english);
            out.println("  per topic (shipped): n, recall, precision, most frequent wrong answer");
            perClass.perTopic()
                    .forEach((topic, row) -> out.printf(
                            "  %-34s n=%4d recall %.2f precision %s  %s%n",
                            topic.label(),
                            row.n(),
                            row.recall(),
                            row.predicted() == 0 ? "  - " : String.format("%.2f", row.precision()),
                            row.confusedWith()));
            out.println();
        });

        out.println("== The warehouse fire (the issue's example)");
        var fire = TopicSamples.handLabelled().getFirst();
        candidates.forEach((candidate, classifier) -> out.printf(
                "%-52s %s%n",
                candidate,
                classifier
                        .classify(fire.title(), fire.text(), english)
                        .map(Category::toString)
                        .orElse("none")));
    }

    record Row(int n, double recall, int predicted, double precision, String confusedWith) {}

    record Scored(
            double accuracy,
            double confidentShare,
            double confidentAccuracy,
            double meanRight,
            double meanWrong,
            Map<Taxonomy, Row> perTopic) {}

    static Scored score(CategoryClassifier classifier, List<TopicSamples.Sample> samples, TermAnalyzer english) {
        int correct = 0;
        int confident = 0;
        int confidentCorrect = 0;
        double right = 0;
        double wrong = 0;
        var n = new EnumMap<Taxonomy, Integer>(Taxonomy.class);
        var hits = new EnumMap<Taxonomy, Integer>(Taxonomy.class);
        var predicted = new EnumMap<Taxonomy, Integer>(Taxonomy.class);
        var predictedRight = new EnumMap<Taxonomy, Integer>(Taxonomy.class);
        var confusions = new EnumMap<Taxonomy, Map<Taxonomy, Integer>>(Taxonomy.class);
        for (var sample : samples) {
            var category = classifier.classify(sample.title(), sample.text(), english);
            var topic = category.flatMap(c -> Taxonomy.ofLabel(c.label())).orElse(null);
            double confidence = category.map(Category::confidence).orElse(0.0);
            boolean ok = topic != null && sample.accepted().contains(topic);
            n.merge(sample.topic(), 1, Integer::sum);
            if (ok) {
                correct++;
                right += confidence;
                hits.merge(sample.topic(), 1, Integer::sum);
            } else {
                wrong += confidence;
                if (topic != null) {
                    confusions
                            .computeIfAbsent(sample.topic(), t -> new EnumMap<>(Taxonomy.class))
                            .merge(topic, 1, Integer::sum);
                }
            }
            if (topic != null) {
                predicted.merge(topic, 1, Integer::sum);
                if (ok) {
                    predictedRight.merge(topic, 1, Integer::sum);
                }
            }
            if (confidence >= CONFIDENT) {
                confident++;
                confidentCorrect += ok ? 1 : 0;
            }
        }
        var perTopic = new EnumMap<Taxonomy, Row>(Taxonomy.class);
        for (var topic : Taxonomy.values()) {
            int count = n.getOrDefault(topic, 0);
            int p = predicted.getOrDefault(topic, 0);
            if (count == 0 && p == 0) {
                continue;
            }
            var confused = confusions.getOrDefault(topic, Map.of()).entrySet().stream()
                    .max(Map.Entry.<Taxonomy, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey().label() + " x" + e.getValue())
                    .orElse("");
            perTopic.put(
                    topic,
                    new Row(
                            count,
                            count == 0 ? 0 : (double) hits.getOrDefault(topic, 0) / count,
                            p,
                            p == 0 ? 0 : (double) predictedRight.getOrDefault(topic, 0) / p,
                            confused));
        }
        int total = samples.size();
        return new Scored(
                (double) correct / total,
                (double) confident / total,
                confident == 0 ? 0 : (double) confidentCorrect / confident,
                correct == 0 ? 0 : right / correct,
                total == correct ? 0 : wrong / (total - correct),
                perTopic);
    }
}
