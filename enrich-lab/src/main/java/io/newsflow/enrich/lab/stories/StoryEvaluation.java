package io.newsflow.enrich.lab.stories;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.pipeline.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryClustering;
import io.newsflow.stories.StorySimilarity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ./newsflow stories-eval <data-folder>}: the online story clustering on ECB+ and the UCI headlines, each
 * article enriched by the enrich service's own components first, beside the baselines computed in the same run.
 * Weights and thresholds are chosen on a tuning split and reported on the rest: ECB+ tunes on the dev topics 2, 5, 12,
 * 18, 21, 23, 34, 35 and reports the other 25 topics; the UCI headlines tune on their first 2,000 (in time order) and
 * report the other 4,366. Each split is clustered on its own, all its documents at once.
 */
public final class StoryEvaluation {

    private static final Set<String> ECB_DEV_TOPICS = Set.of("2", "5", "12", "18", "21", "23", "34", "35");
    private static final int UCI_TUNING = 2_000;
    private static final List<Integer> WINDOW_DAYS = List.of(1, 3, 7);
    private static final int EMBEDDED_CHARACTERS = 1_000;
    // -Dstories.embeddings=false and -Dstories.uci=false for a quicker run while trying weights
    private static final boolean EMBEDDINGS = !"false".equals(System.getProperty("stories.embeddings"));
    private static final boolean UCI = !"false".equals(System.getProperty("stories.uci"));

    private StoryEvaluation() {}

    record Item(StoryCorpora.Doc doc, ArticleEnriched event, ArticleFeatures features, float[] embedding) {}

    record Tuned(StorySimilarity similarity, double score, boolean merge, FeatureVariant variant) {}

    public static void main(String[] args) throws Exception {
        var data = Path.of(args[0]);
        var enricher = EnrichComponents.get(Enricher.class);
        var model = EMBEDDINGS ? new AllMiniLmL6V2QuantizedEmbeddingModel() : null;

        var ecb = prepare(StoryCorpora.ecbPlus(data), enricher, model, "ECB+");
        var ecbDev = filter(ecb, item -> ECB_DEV_TOPICS.contains(item.doc().group()));
        var ecbTest = filter(ecb, item -> !ECB_DEV_TOPICS.contains(item.doc().group()));
        System.out.printf(
                "%nECB+: %d articles; tuning on dev topics %s (%d articles), reported on the other topics (%d articles)%n",
                ecb.size(), ECB_DEV_TOPICS, ecbDev.size(), ecbTest.size());
        var tuned = tune(ecbDev, true);
        var embeddingThreshold = tuneEmbeddings(ecbDev);
        System.out.printf(
                "tuned on the dev topics: %s, merge %s (dev B3 F1 %.3f); embeddings: cosine threshold %.2f%n",
                tuned.similarity(), tuned.merge(), tuned.score(), embeddingThreshold);
        var picked = experiments(ecbDev, tuned);
        report("ECB+ held-out topics", ecbTest, picked, embeddingThreshold, true);
        report("ECB+ all 772 (settings from the dev topics)", ecb, picked, embeddingThreshold, true);
        // the product before the headline settings: one rule for every article, the full-article one
        var defaults = oneRule(StorySimilarity.DEFAULT);
        System.out.printf("%nproduct defaults, one rule for every article: %s%n", defaults);
        System.out.println(score(ecbTest, defaults).row("ECB+ held-out, product defaults"));
        System.out.printf(
                "headline-only articles (ArticleFeatures.headlineOnly): ECB+ %d of %d%n", headlines(ecb), ecb.size());

        if (!UCI) {
            return;
        }
        var uci = prepare(StoryCorpora.uciHeadlines(data), enricher, model, "UCI headlines");
        var uciTuning = uci.subList(0, UCI_TUNING);
        var uciTest = uci.subList(UCI_TUNING, uci.size());
        // no merging on UCI: a merge re-seeds every article of the merged story, too slow on 2,000 headlines, and it
        // never beat the unmerged score on ECB+
        // the product's features: the ECB+ pick of the feature experiments did not hold on the held-out topics
        var uciTuned = tune(uciTuning, false);
        var uciEmbeddingThreshold = tuneEmbeddings(uciTuning);
        System.out.printf(
                "%nUCI headlines: %d; tuning on the first %d in time order, reported on the other %d%n"
                        + "tuned: %s, %s (tuning B3 F1 %.3f); embeddings: cosine threshold %.2f%n",
                uci.size(),
                UCI_TUNING,
                uciTest.size(),
                uciTuned.similarity(),
                uciTuned.variant(),
                uciTuned.score(),
                uciEmbeddingThreshold);
        report("UCI held-out", uciTest, uciTuned, uciEmbeddingThreshold, false);
        System.out.println(score(uciTest, tuned.similarity()).row("StoryClustering, ECB+ settings"));
        System.out.println(score(uciTest, defaults).row("StoryClustering, product defaults"));

        // One rule for both corpora: the product's full-article settings, and headline settings chosen by the mean of
        // both tuning splits' B3 F1 (UCI's headlines, and ECB+'s one-sentence documents, whose text is their title,
        // on its dev topics); then the product with both is scored once on each held-out split.
        System.out.printf(
                "%nheadline-only articles: UCI %d of %d, ECB+ dev topics %d of %d%n",
                headlines(uci), uci.size(), headlines(ecbDev), ecbDev.size());
        var headline = tuneHeadline(uciTuning, ecbDev, StorySimilarity.DEFAULT);
        var product = StorySimilarity.DEFAULT.withHeadline(headline);
        System.out.printf(
                "headline settings (StorySimilarity.DEFAULT has them: %s)%n", product.equals(StorySimilarity.DEFAULT));
        System.out.println(score(ecbTest, defaults).row("ECB+ held-out, product before (one rule)"));
        System.out.println(score(ecbTest, product).row("ECB+ held-out, product with headline settings"));
        System.out.println(score(uciTest, defaults).row("UCI held-out, product before (one rule)"));
        System.out.println(score(uciTest, product).row("UCI held-out, product with headline settings"));
    }

    /** The similarity with its headline settings equal to its full-article ones. */
    private static StorySimilarity oneRule(StorySimilarity similarity) {
        return similarity.withHeadline(new StorySimilarity.Headline(
                similarity.termWeight(), similarity.entityWeight(), similarity.threshold()));
    }

    private static long headlines(List<Item> items) {
        return items.stream().filter(item -> item.features().headlineOnly()).count();
    }

    /**
     * The headline settings (entity weight 0-0.8, terms the rest; threshold 0.01-0.50) with the best mean of the two
     * tuning splits' B3 F1, the full-article settings fixed. Ties keep the first: the lower entity weight, then the
     * lower threshold.
     */
    private static StorySimilarity.Headline tuneHeadline(List<Item> uci, List<Item> ecb, StorySimilarity full) {
        StorySimilarity.Headline best = null;
        double bestMean = -1;
        double bestUci = 0;
        double bestEcb = 0;
        for (int e = 0; e <= 8; e++) {
            var entities = e / 10.0;
            for (int h = 1; h <= 50; h++) {
                var headline = new StorySimilarity.Headline(round(1 - entities), entities, h / 100.0);
                var candidate = full.withHeadline(headline);
                var onUci = score(uci, candidate).bcubedF1();
                var onEcb = score(ecb, candidate).bcubedF1();
                if ((onUci + onEcb) / 2 > bestMean) {
                    best = headline;
                    bestMean = (onUci + onEcb) / 2;
                    bestUci = onUci;
                    bestEcb = onEcb;
                }
            }
        }
        System.out.printf(
                "headline settings by the mean of both tuning splits: %s (UCI tuning %.3f, ECB+ dev %.3f)%n",
                best, bestUci, bestEcb);
        return best;
    }

    /**
     * The issue 12 experiments on the tuning split only: feature variants (title boost, entity kinds, online document
     * frequencies) and a time decay, each with its own grid of entity weight and threshold at the tuned window. The
     * best tuning score wins; ties keep the earlier, and the product's features come first.
     */
    private static Tuned experiments(List<Item> items, Tuned tuned) {
        var window = tuned.similarity().window();
        var best = tuned;
        System.out.printf(
                "%nexperiments on the tuning split, window %s (the tuned one: %.3f)%n", window, tuned.score());
        var sameAsProduct = new FeatureVariant(1.0, 1, 1, 1, false);
        var check = score(items, sameAsProduct.features(items), tuned.similarity(), false)
                .bcubedF1();
        System.out.printf("check: the product's settings rebuilt by the variant code %.3f%n", check);
        var rows = new ArrayList<String>();
        for (var idf : List.of(false, true)) {
            for (var boost : List.of(0.0, 0.5, 1.0, 1.5, 2.0, 3.0)) {
                for (var places : List.of(1.0, 0.5, 0.25)) {
                    for (var people : List.of(1.0, 1.5)) {
                        for (var organizations : List.of(1.0, 1.5)) {
                            var variant = new FeatureVariant(boost, people, organizations, places, idf);
                            var result = grid(items, variant, window, 0, StorySimilarity.DEFAULT.halfLife());
                            rows.add("%.3f  %s  %s".formatted(result.score(), variant, brief(result.similarity())));
                            if (result.score() > best.score()) {
                                best = result;
                            }
                        }
                    }
                }
            }
        }
        var variantBest = best;
        for (var time : List.of(0.05, 0.1, 0.2)) {
            for (var halfLife : List.of(Duration.ofDays(1), Duration.ofDays(3))) {
                var result = grid(items, variantBest.variant(), window, time, halfLife);
                rows.add("%.3f  %s  %s (time decay)"
                        .formatted(result.score(), variantBest.variant(), brief(result.similarity())));
                if (result.score() > best.score()) {
                    best = result;
                }
            }
        }
        rows.sort(java.util.Comparator.reverseOrder());
        System.out.println("all " + rows.size() + ", best first:");
        rows.forEach(System.out::println);
        System.out.printf(
                "picked: %s, %s (tuning B3 F1 %.3f)%n", best.variant(), brief(best.similarity()), best.score());
        return best;
    }

    /** The entity weight 0-0.8 (terms and time weighing the rest) and the threshold 0.05-0.51 for one variant. */
    private static Tuned grid(
            List<Item> items, FeatureVariant variant, Duration window, double time, Duration halfLife) {
        var features = variant.features(items);
        Tuned best = null;
        for (int e = 0; e <= 8; e++) {
            var entities = e / 10.0;
            for (int h = 5; h <= 51; h += 2) {
                var candidate =
                        new StorySimilarity(round(1 - entities - time), entities, time, h / 100.0, halfLife, window);
                var f1 = score(items, features, candidate, false).bcubedF1();
                if (best == null || f1 > best.score()) {
                    best = new Tuned(candidate, f1, false, variant);
                }
            }
        }
        return best;
    }

    private static String brief(StorySimilarity similarity) {
        return "terms %.2f entities %.2f time %.2f (half-life %s) threshold %.2f window %s"
                .formatted(
                        similarity.termWeight(),
                        similarity.entityWeight(),
                        similarity.timeWeight(),
                        similarity.halfLife(),
                        similarity.threshold(),
                        similarity.window());
    }

    private static List<Item> prepare(
            List<StoryCorpora.Doc> docs, Enricher enricher, AllMiniLmL6V2QuantizedEmbeddingModel model, String name) {
        var items = new ArrayList<Item>();
        long enrichNanos = 0;
        long embedNanos = 0;
        for (var doc : docs) {
            var started = System.nanoTime();
            var event = enricher.enrich(ArticleIngested.of(
                    doc.id(),
                    1,
                    doc.time() != null ? doc.time() : Instant.EPOCH,
                    doc.id(),
                    new Source(doc.source(), doc.source(), null),
                    new Article(
                            doc.title(),
                            doc.text().isEmpty() ? doc.title() : doc.text(),
                            null,
                            null,
                            List.of(),
                            doc.time(),
                            null,
                            null,
                            List.of(),
                            doc.id())));
            var enriched = System.nanoTime();
            var features = ArticleFeatures.of(
                    doc.id(),
                    doc.title(),
                    event.enrichment().keywords(),
                    ArticleFeatures.mentions(
                            event.enrichment().people(),
                            event.enrichment().organizations(),
                            event.enrichment().places()),
                    doc.time(),
                    // the product's rule, on what the enrich service made of the body (the title when there is none)
                    ArticleFeatures.headlineOnly(doc.title(), event.enrichment().text()));
            var text = event.enrichment().text();
            var input = doc.title() + ". " + text.substring(0, Math.min(text.length(), EMBEDDED_CHARACTERS));
            var embedding =
                    model == null ? new float[1] : model.embed(input).content().vector();
            embedNanos += System.nanoTime() - enriched;
            enrichNanos += enriched - started;
            items.add(new Item(doc, event, features, embedding));
        }
        System.out.printf(
                "%s: enriched %d articles in %.1f s (%.1f ms each), embedded in %.1f s (%.1f ms each), one thread%n",
                name,
                items.size(),
                enrichNanos / 1e9,
                enrichNanos / 1e6 / items.size(),
                embedNanos / 1e9,
                embedNanos / 1e6 / items.size());
        return items;
    }

    private static List<Item> filter(List<Item> items, Predicate<Item> keep) {
        return items.stream().filter(keep).toList();
    }

    private static void report(String name, List<Item> items, Tuned tuned, double embeddingThreshold, boolean topics) {
        var gold = gold(items);
        var events = items.stream().map(Item::event).toList();
        System.out.printf(
                "%n%s (%d articles, %d gold stories)%n",
                name, items.size(), Set.copyOf(gold).size());
        System.out.println(score(items, tuned.variant().features(items), tuned.similarity(), tuned.merge())
                .row(tuned.merge() ? "StoryClustering, merging" : "StoryClustering"));
        if (EMBEDDINGS) {
            System.out.println(ClusterScores.of(embeddings(items, embeddingThreshold), gold)
                    .row("sentence embeddings (all-MiniLM-L6-v2-q)"));
        }
        System.out.println(
                ClusterScores.of(Baselines.fingerprints(events), gold).row("baseline: fingerprint stories"));
        System.out.println(ClusterScores.of(Baselines.titles(events), gold).row("baseline: one story per title"));
        if (topics) {
            System.out.println(ClusterScores.of(
                            items.stream().map(item -> item.doc().group()).toList(), gold)
                    .row("reference: one story per topic"));
        }
    }

    private static List<String> gold(List<Item> items) {
        return items.stream().map(item -> item.doc().gold()).toList();
    }

    static ClusterScores score(List<Item> items, StorySimilarity similarity) {
        return score(items, similarity, false);
    }

    /**
     * @param merge whether an article that fits several stories above the threshold merges them into its best one (a
     *     decision the evaluation tries; the product only reports them as {@code alsoMatching})
     */
    static ClusterScores score(List<Item> items, StorySimilarity similarity, boolean merge) {
        return score(items, items.stream().map(Item::features).toList(), similarity, merge);
    }

    /** @param features the features of the items, in their order */
    static ClusterScores score(
            List<Item> items, List<ArticleFeatures> features, StorySimilarity similarity, boolean merge) {
        var clustering = new StoryClustering(similarity);
        for (var article : features) {
            var assignment = clustering.assign(article);
            if (merge) {
                for (var other : assignment.alsoMatching()) {
                    clustering.merge(other, assignment.storyId());
                }
            }
        }
        // the stories at the end, after any merge
        var assigned = items.stream()
                .map(item -> clustering.storyOf(item.doc().id()).orElseThrow())
                .toList();
        return ClusterScores.of(assigned, gold(items));
    }

    private static Tuned tune(List<Item> items, boolean merging) {
        return tune(items, merging, FeatureVariant.PRODUCT);
    }

    /** @param merging whether the grid also tries merging the stories an article bridges */
    private static Tuned tune(List<Item> items, boolean merging, FeatureVariant variant) {
        var features = variant.features(items);
        var best = new Tuned(StorySimilarity.DEFAULT, -1, false, variant);
        var plain = best;
        // The time weight stays 0, the window alone limits time: the 2008 half of ECB+ has no dates, so an additive
        // time feature only learns a lower threshold there, which on a live stream (every candidate within days)
        // would lower the bar for all candidates alike.
        // The window is tuned as well (issue 12): it is the only time signal, and the shipped 3 days was never tried
        // against others. Ties keep the first, so the shorter window wins an even score.
        // One rule for every article here (headline-only ones too), as before the headline settings.
        for (var days : WINDOW_DAYS) {
            for (int e = 0; e <= 8; e++) {
                var entities = e / 10.0;
                for (int h = 5; h <= 70; h += 3) {
                    var candidate = new StorySimilarity(
                            round(1 - entities),
                            entities,
                            0,
                            h / 100.0,
                            StorySimilarity.DEFAULT.halfLife(),
                            Duration.ofDays(days));
                    var f1 = score(items, features, candidate, false).bcubedF1();
                    if (f1 > best.score()) {
                        best = new Tuned(candidate, f1, false, variant);
                    }
                    if (f1 > plain.score()) {
                        plain = new Tuned(candidate, f1, false, variant);
                    }
                    if (!merging) {
                        continue;
                    }
                    var merged = score(items, features, candidate, true).bcubedF1();
                    if (merged > best.score()) {
                        best = new Tuned(candidate, merged, true, variant);
                    }
                }
            }
        }
        System.out.printf("best without merging: %s (B3 F1 %.3f)%n", plain.similarity(), plain.score());
        return best;
    }

    private static double tuneEmbeddings(List<Item> items) {
        if (!EMBEDDINGS) {
            return 0;
        }
        double best = 0;
        double bestF1 = -1;
        for (int h = 40; h <= 90; h += 5) {
            var f1 = ClusterScores.of(embeddings(items, h / 100.0), gold(items)).bcubedF1();
            if (f1 > bestF1) {
                best = h / 100.0;
                bestF1 = f1;
            }
        }
        return best;
    }

    private static List<String> embeddings(List<Item> items, double threshold) {
        return EmbeddingClustering.cluster(
                items.stream().map(item -> item.doc().id()).toList(),
                items.stream().map(Item::embedding).toList(),
                items.stream().map(item -> item.doc().time()).toList(),
                threshold);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
