package io.newsflow.enrich.lab.benchmark;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.ExtractedEntities;
import io.newsflow.enrich.fingerprint.SimHash;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.lab.eval.BbcCorpus;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.summary.Summarizer;
import io.newsflow.enrich.text.SentenceSplitter;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.enrich.text.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where an enrichment's time goes: the steps of {@code Enricher.enrichment}, in its order and with its settings, each
 * timed on its own over the BBC articles of the data folder (one thread, after a warm-up pass over all of them).
 * Prints the mean microseconds per article of each step and its share of their sum. The JMH benchmark measures the
 * whole; this says which part to make faster.
 *
 * <p>Usage: {@code EnrichBreakdown <data-folder> [passes]} (default 3 measured passes).
 */
public final class EnrichBreakdown {

    private static final String[] STEPS = {
        "text", "language", "sentences", "entities", "keywords", "category", "summary", "fingerprint", "word count"
    };
    private static final List<String> SOURCE_NAMES = List.of("BBC News", "bbc.co.uk");

    private EnrichBreakdown() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: EnrichBreakdown <data-folder> [passes]");
            System.exit(2);
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var articles = BbcCorpus.read(Path.of(args[0]));
        var settings = EnrichComponents.properties().enrich();
        var languages = EnrichComponents.get(LanguageDetector.class);
        var analyzers = EnrichComponents.get(TermAnalyzers.class);
        var keywords = EnrichComponents.get(KeywordExtractor.class);
        var categories = EnrichComponents.get(CategoryClassifier.class);
        var summarizer = EnrichComponents.get(Summarizer.class);
        var entities = EnrichComponents.get(EntityExtractor.class);
        var nanos = new long[STEPS.length];
        for (int pass = 0; pass <= passes; pass++) {
            var timer = new Timer(pass == 0 ? new long[STEPS.length] : nanos);
            for (var article : articles) {
                String text = timer.time(0, () -> TextExtractor.plainText(article.body(), SOURCE_NAMES));
                String sample = text.length() > 600 ? text.substring(0, 600) : text;
                String language = timer.time(1, () -> languages.languageOf(null, article.title() + "\n\n" + sample));
                var analyzer = analyzers.forLanguage(language);
                String analysed = TextExtractor.start(text, settings.analysedCharacters());
                List<String> sentences = timer.time(2, () -> SentenceSplitter.sentences(analysed));
                ExtractedEntities named = timer.time(3, () -> entities.extract(analysed, language));
                timer.time(
                        4,
                        () -> keywords.extract(
                                article.title(), sentences, analyzer, settings.keywords(), named::names));
                timer.time(5, () -> categories.classify(article.title(), analysed, analyzer));
                timer.time(
                        6,
                        () -> summarizer.summarize(
                                article.title(),
                                sentences,
                                analyzer,
                                settings.summary().sentences(),
                                settings.summary().characters()));
                timer.time(7, () -> SimHash.of(analysed, analyzer));
                timer.time(8, () -> Tokens.count(text));
            }
        }
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        long count = (long) articles.size() * passes;
        System.out.printf(Locale.ROOT, "%d articles x %d passes, one thread%n", articles.size(), passes);
        for (int s = 0; s < STEPS.length; s++) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %8.0f us/article  %5.1f%%%n",
                    STEPS[s],
                    nanos[s] / 1e3 / count,
                    100.0 * nanos[s] / total);
        }
        System.out.printf(
                Locale.ROOT,
                "  %-12s %8.0f us/article  (%.0f articles/s)%n",
                "sum",
                total / 1e3 / count,
                count * 1e9 / total);
    }

    private record Timer(long[] nanos) {
        <T> T time(int step, Supplier<T> work) {
            long started = System.nanoTime();
            T result = work.get();
            nanos[step] += System.nanoTime() - started;
            return result;
        }
    }
}
