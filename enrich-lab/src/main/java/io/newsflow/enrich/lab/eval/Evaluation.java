package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.lab.entities.EntityEvaluation;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.pipeline.Enricher;
import io.newsflow.enrich.summary.Summarizer;
import io.newsflow.enrich.text.SentenceSplitter;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Measures the enrichment on the data folder and prints every figure next to a baseline computed in the same run:
 * language accuracy per language (ours vs Lingua's low-accuracy mode), category accuracy and confusion matrix on the
 * held-out BBC split (vs always answering the most frequent class), summary ROUGE on the held-out BBC split (ours vs
 * LEAD-3, both three sentences), and the seed article's expectations.
 *
 * <p>{@code ./newsflow eval <data-folder>} runs it.
 */
public final class Evaluation {

    private Evaluation() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Evaluation <data-folder>");
            System.exit(2);
        }
        run(Path.of(args[0]), System.out);
    }

    private static TermAnalyzers analyzers() {
        return EnrichComponents.get(TermAnalyzers.class);
    }

    public static void run(Path dataFolder, PrintStream out) throws Exception {
        var corpus = BbcCorpus.read(dataFolder);
        languages(dataFolder, out);
        categories(corpus, out);
        summaries(corpus, out);
        seedArticle(dataFolder, out);
        EntityEvaluation.run(dataFolder, out);
    }

    private static void languages(Path dataFolder, PrintStream out) throws IOException {
        out.println(
                "== Language: accuracy per sentence on langid/<iso>.txt (ours: Lingua over the configured"
                        + " languages, high accuracy mode below 400 characters, with stopword evidence; baseline: Lingua low accuracy mode, same languages)");
        var ours = EnrichComponents.get(LanguageDetector.class);
        var baseline = new LinguaBaseline(EnrichComponents.languages());
        out.printf("%-4s %6s %8s %8s%n", "lang", "n", "ours", "baseline");
        double worst = 1;
        for (var language : EnrichComponents.languages()) {
            var file = dataFolder.resolve("langid/" + language + ".txt");
            var sentences = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            double oursAccuracy = accuracy(sentences, s -> ours.detect(s).equals(language));
            double baselineAccuracy =
                    accuracy(sentences, s -> baseline.detect(s).equals(language));
            worst = Math.min(worst, oursAccuracy);
            out.printf("%-4s %6d %8.3f %8.3f%n", language, sentences.size(), oursAccuracy, baselineAccuracy);
        }
        out.printf("lowest per-language accuracy (ours): %.3f (target >= 0.98)%n%n", worst);
    }

    private static double accuracy(List<String> sentences, Predicate<String> correct) {
        return (double) sentences.stream().filter(correct).count() / sentences.size();
    }

    private static void categories(List<BbcCorpus.BbcArticle> corpus, PrintStream out) {
        out.println("== Category: held-out BBC split (article numbers 001, 006, 011, ...), trained on the rest");
        var english = analyzers().forLanguage("en");
        var classifier = EnrichComponents.get(CategoryClassifier.class);
        var trainingCounts = new TreeMap<String, Integer>();
        corpus.stream().filter(a -> !a.heldOut()).forEach(a -> trainingCounts.merge(a.bbcClass(), 1, Integer::sum));
        var majority = trainingCounts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        var labels = List.of(Taxonomy.values());
        var confusion = new int[labels.size()][labels.size()];
        int correct = 0;
        int majorityCorrect = 0;
        int total = 0;
        for (var article : corpus) {
            if (!article.heldOut()) {
                continue;
            }
            var expected = Taxonomy.ofBbcClass(article.bbcClass()).orElseThrow();
            var predicted = classifier
                    .classify(article.title(), TextExtractor.plainText(article.body()), english)
                    .flatMap(category -> Taxonomy.ofLabel(category.label()))
                    .orElseThrow();
            confusion[labels.indexOf(expected)][labels.indexOf(predicted)]++;
            correct += expected == predicted ? 1 : 0;
            majorityCorrect += article.bbcClass().equals(majority) ? 1 : 0;
            total++;
        }
        out.printf(
                "accuracy ours: %.3f  baseline (majority class '%s'): %.3f  n=%d (target >= 0.95)%n",
                (double) correct / total, majority, (double) majorityCorrect / total, total);
        out.println("confusion matrix (rows: expected, columns: predicted):");
        out.printf("%-34s", "");
        for (var label : labels) {
            out.printf("%8.8s ", label.label());
        }
        out.println();
        for (int i = 0; i < labels.size(); i++) {
            out.printf("%-34s", labels.get(i).label());
            for (int j = 0; j < labels.size(); j++) {
                out.printf("%8d ", confusion[i][j]);
            }
            out.println();
        }
        out.println();
    }

    private static void summaries(List<BbcCorpus.BbcArticle> corpus, PrintStream out) {
        out.println("== Summary: ROUGE F1 against bbc/summaries on the held-out split, 3 sentences each");
        var result = summaryScores(corpus, a -> a.heldOut(), EnrichComponents.get(Summarizer.class));
        out.printf("%-8s %8s %8s %8s%n", "", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        out.printf("%-8s %8.4f %8.4f %8.4f%n", "ours", result.get(0)[0], result.get(0)[1], result.get(0)[2]);
        out.printf("%-8s %8.4f %8.4f %8.4f%n", "LEAD-3", result.get(1)[0], result.get(1)[1], result.get(1)[2]);
        out.printf("n=%d articles (target: ours above LEAD-3 on ROUGE-2)%n%n", (int) result.get(2)[0]);
    }

    /** Mean ROUGE-1/2/L of ours, then of LEAD-3, then the count. */
    private static List<double[]> summaryScores(
            List<BbcCorpus.BbcArticle> corpus, Predicate<BbcCorpus.BbcArticle> selection, Summarizer summarizer) {
        var english = analyzers().forLanguage("en");
        var ours = new double[3];
        var lead = new double[3];
        int n = 0;
        for (var article : corpus) {
            if (!selection.test(article) || article.summary().isEmpty()) {
                continue;
            }
            var sentences = SentenceSplitter.sentences(TextExtractor.plainText(article.body()));
            var chosen = summarizer.select(article.title(), sentences, english, 3).stream()
                    .map(sentences::get)
                    .toList();
            var leadThree = sentences.subList(0, Math.min(3, sentences.size()));
            add(ours, Rouge.score(String.join(" ", chosen), article.summary().get()));
            add(lead, Rouge.score(String.join(" ", leadThree), article.summary().get()));
            n++;
        }
        for (int i = 0; i < 3; i++) {
            ours[i] /= n;
            lead[i] /= n;
        }
        return List.of(ours, lead, new double[] {n});
    }

    private static void add(double[] sums, Rouge.Scores scores) {
        sums[0] += scores.rouge1();
        sums[1] += scores.rouge2();
        sums[2] += scores.rougeL();
    }

    private static void seedArticle(Path dataFolder, PrintStream out) throws IOException {
        out.println("== Seed article (seed/seed-article.txt): the issue's expectations");
        var lines = Files.readString(dataFolder.resolve("seed/seed-article.txt"), StandardCharsets.UTF_8);
        int titleEnd = lines.indexOf('\n');
        var event = ArticleIngested.of(
                "seed-article",
                1,
                Instant.parse("2025-09-01T00:00:00Z"),
                "sha256:seed",
                Source.pushed("RksNews", "rksnews.com"),
                Article.of(lines.substring(0, titleEnd).strip(), lines.substring(titleEnd + 1)));
        var enrichment = EnrichComponents.get(Enricher.class).enrich(event).enrichment();
        var keywords = enrichment.keywords().stream()
                .map(k -> k.term().toLowerCase(Locale.ROOT))
                .toList();
        var summary = enrichment.summary().toLowerCase(Locale.ROOT);
        out.println("language: " + enrichment.language());
        out.println("category: " + enrichment.category());
        out.println("keywords: " + enrichment.keywords());
        out.println("lede: " + enrichment.lede());
        out.println("summary: " + enrichment.summary());
        out.println("words: " + enrichment.wordCount() + ", reading time: " + enrichment.readingTimeMinutes()
                + " min, fingerprint: " + enrichment.fingerprint());
        check(out, "language is en", enrichment.language().equals("en"));
        check(out, "keywords include peacekeeping", keywords.stream().anyMatch(k -> k.contains("peacekeeping")));
        check(out, "keywords include security guarantees", keywords.contains("security guarantees"));
        check(
                out,
                "summary is about European plans for troops in Ukraine",
                summary.contains("europe") && summary.contains("troop") && summary.contains("ukraine"));
        checkNames(
                out,
                "people",
                enrichment.people(),
                List.of(
                        "Ursula von der Leyen",
                        "Volodymyr Zelensky",
                        "Friedrich Merz",
                        "Keir Starmer",
                        "Emmanuel Macron",
                        "Mark Rutte",
                        "Donald Trump",
                        "Vladimir Putin"));
        checkNames(out, "organisations", enrichment.organizations(), List.of("NATO", "European Commission"));
        checkNames(out, "places", enrichment.places(), List.of("Ukraine", "Kyiv", "Russia", "Moscow", "Paris"));
        check(
                out,
                "text has no byline or reading-time line",
                !enrichment.text().contains("Min Read") && !enrichment.text().startsWith("RksNews"));
        out.println();
    }

    private static void checkNames(PrintStream out, String kind, List<Enrichment.Entity> found, List<String> expected) {
        var names = found.stream().map(Enrichment.Entity::name).toList();
        out.println(kind + ": " + found);
        for (var name : expected) {
            check(out, kind + " include " + name, names.contains(name));
        }
    }

    private static void check(PrintStream out, String expectation, boolean met) {
        out.printf("  [%s] %s%n", met ? "pass" : "FAIL", expectation);
    }
}
