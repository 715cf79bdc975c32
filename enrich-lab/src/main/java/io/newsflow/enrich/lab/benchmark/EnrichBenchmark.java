package io.newsflow.enrich.lab.benchmark;

import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.lab.eval.BbcCorpus;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.pipeline.Enricher;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Enriches the BBC articles of the data folder one after another on one thread, in a JVM limited to a 512 MiB heap
 * with every configured language loaded. The baseline, measured in the same run, is the part every enrichment
 * starts with: text extraction and language detection.
 *
 * <p>{@code ./newsflow bench-enrich <data-folder>} runs it (extra arguments go to JMH).
 */
@State(Scope.Thread)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
public class EnrichBenchmark {

    @Param("")
    public String dataFolder;

    private List<ArticleIngested> articles;
    private Enricher enricher;
    private LanguageDetector languages;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        articles = BbcCorpus.read(Path.of(dataFolder)).stream()
                .map(article -> ArticleIngested.of(
                        article.bbcClass() + "-" + article.number(),
                        1,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        "sha256:bench",
                        Source.pushed("BBC News", "bbc.co.uk"),
                        Article.of(article.title(), article.body())))
                .toList();
        enricher = EnrichComponents.get(Enricher.class);
        languages = EnrichComponents.get(LanguageDetector.class);
    }

    private ArticleIngested nextArticle() {
        var article = articles.get(next);
        next = (next + 1) % articles.size();
        return article;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ArticleEnriched enrich() {
        return enricher.enrich(nextArticle());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String baselineTextAndLanguage() {
        var article = nextArticle().article();
        var text = TextExtractor.plainText(article.body());
        return languages.detect(article.title() + "\n\n" + text.substring(0, Math.min(600, text.length())));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EnrichBenchmark <data-folder> [jmh options]");
            System.exit(2);
        }
        var jmhArgs = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        var options = new OptionsBuilder()
                .parent(jmhArgs)
                .include(EnrichBenchmark.class.getName())
                .param("dataFolder", args[0])
                .build();
        var results = new Runner(options).run();
        System.out.println();
        System.out.println("Summary (one thread, -Xmx512m):");
        for (var benchmark : List.of("enrich", "baselineTextAndLanguage")) {
            System.out.printf(
                    "  %-24s %8.1f articles/s   p99 %7.2f ms   mean %6.2f ms%n",
                    benchmark,
                    throughput(results, benchmark),
                    percentile(results, benchmark, 99) * 1000,
                    1000 / throughput(results, benchmark));
        }
        System.out.printf(
                "  enrich runs at %.2f of the baseline's throughput%n",
                throughput(results, "enrich") / throughput(results, "baselineTextAndLanguage"));
    }

    private static double throughput(java.util.Collection<RunResult> results, String benchmark) {
        return result(results, benchmark, Mode.Throughput).getPrimaryResult().getScore();
    }

    /** In seconds: SampleTime results are reported in the benchmark's output unit, seconds here. */
    private static double percentile(java.util.Collection<RunResult> results, String benchmark, double percentile) {
        return result(results, benchmark, Mode.SampleTime)
                .getPrimaryResult()
                .getStatistics()
                .getPercentile(percentile);
    }

    private static RunResult result(java.util.Collection<RunResult> results, String benchmark, Mode mode) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)
                        && r.getParams().getMode() == mode)
                .findFirst()
                .orElseThrow();
    }
}
