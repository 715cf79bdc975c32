package io.newsflow.extraction.lab;

import io.newsflow.extraction.ExtractedPage;
import io.newsflow.extraction.PageExtractor;
import io.newsflow.extraction.lab.Pages.Page;
import io.newsflow.extraction.lab.TextSystems.TextSystem;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Measures {@link PageExtractor} on the data folder and prints every figure beside baselines of the same run: main
 * text F1 over 4-word shingles on the article-extraction benchmark (ours, today's text cleaning, Readability4J,
 * boilerpipe, and the reference outputs the benchmark ships), title, date and authors on the metadata benchmark (ours
 * vs the {@code <title>} tag and meta dates), and pages per second on one thread.
 *
 * <p>{@code ./newsflow extraction-eval <data-folder>} runs it; {@code --worst} as a second argument measures only
 * ours, only on the tuning split, scores its look and check halves and lists the look half's worst pages and
 * metadata misses (for tuning: no held-out page is read, no check page is listed).
 */
public final class ExtractionEvaluation {

    private static final List<String> REFERENCES = List.of("trafilatura", "readability_js", "boilerpipe", "html-text");

    private ExtractionEvaluation() {}

    public static void main(String[] args) {
        if (args.length < 1
                || args.length > 2
                || (args.length == 2 && !args[1].equals("--worst") && !args[1].equals("--metadata-failures"))) {
            System.err.println("usage: ExtractionEvaluation <data-folder> [--worst | --metadata-failures]");
            System.exit(2);
        }
        var dataFolder = Path.of(args[0]);
        if (args.length == 2 && args[1].equals("--metadata-failures")) {
            // the tuning split's metadata pages only: no held-out page is read, only look pages are listed
            MetadataFailures.print(
                    Pages.metadataBenchmark(dataFolder).stream()
                            .filter(Page::tuning)
                            .toList(),
                    System.out);
            return;
        }
        var worst = args.length == 2;
        var out = System.out;
        // Tuning looks at the tuning split alone, so that no rule is chosen on a held-out page.
        Predicate<Page> measured = worst ? Page::tuning : page -> true;
        var textPages =
                Pages.extractionBenchmark(dataFolder).stream().filter(measured).toList();
        mainText(dataFolder, textPages, out, worst);
        var metadataPages =
                Pages.metadataBenchmark(dataFolder).stream().filter(measured).toList();
        metadata(metadataPages, out, worst);
        if (!worst) {
            speed(textPages, out);
        }
    }

    private static void mainText(Path dataFolder, List<Page> pages, PrintStream out, boolean worst) {
        out.printf(
                "%nMain text: extraction-benchmark, %d pages (tune %d: look %d, check %d / held out %d), F1 over"
                        + " 4-word shingles%n",
                pages.size(),
                pages.stream().filter(Page::tuning).count(),
                pages.stream().filter(Page::look).count(),
                pages.stream().filter(Page::check).count(),
                pages.stream().filter(p -> !p.tuning()).count());
        out.printf(
                "  %-30s %22s %22s %22s %22s %22s%n",
                "system",
                "look P / R / F1",
                "check P / R / F1",
                "tune P / R / F1",
                "held-out P / R / F1",
                "all P / R / F1");
        for (var system : worst ? List.of(TextSystems.newsflow()) : TextSystems.all()) {
            var scores = new ArrayList<Scored>();
            for (var page : pages) {
                scores.add(new Scored(page, ShingleScore.of(page.body(), safely(system, page))));
            }
            printRow(out, system.name(), scores);
            if (worst && system.name().startsWith("newsflow")) {
                printWorst(out, scores);
            }
        }
        for (var reference : worst ? List.<String>of() : REFERENCES) {
            var bodies = Pages.referenceOutput(dataFolder, reference);
            var scores = pages.stream()
                    .map(page -> new Scored(page, ShingleScore.of(page.body(), bodies.getOrDefault(page.id(), ""))))
                    .toList();
            printRow(out, "shipped: " + reference, scores);
        }
    }

    private record Scored(Page page, ShingleScore score) {}

    private static void printRow(PrintStream out, String name, List<Scored> scores) {
        out.printf(
                "  %-30s %22s %22s %22s %22s %22s%n",
                name,
                summary(scores, Page::look),
                summary(scores, Page::check),
                summary(scores, Page::tuning),
                summary(scores, page -> !page.tuning()),
                summary(scores, page -> true));
    }

    private static String summary(List<Scored> scores, Predicate<Page> which) {
        var summary = ShingleScore.Summary.of(scores.stream()
                .filter(s -> which.test(s.page()))
                .map(Scored::score)
                .toList());
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", summary.precision(), summary.recall(), summary.f1());
    }

    private static void printWorst(PrintStream out, List<Scored> scores) {
        scores.stream()
                .filter(s -> s.page().look())
                .sorted(Comparator.comparingDouble(s -> s.score().f1()))
                .limit(20)
                .forEach(s -> out.printf(
                        Locale.ROOT,
                        "      P %.2f R %.2f %s %s%n",
                        s.score().precision(),
                        s.score().recall(),
                        s.page().id(),
                        s.page().url()));
    }

    private static String safely(TextSystem system, Page page) {
        try {
            return system.extract().apply(page);
        } catch (RuntimeException | StackOverflowError failed) {
            // a library that fails on a page scores nothing on it, as an empty answer would
            return "";
        }
    }

    private static void metadata(List<Page> pages, PrintStream out, boolean worst) {
        var extractor = new PageExtractor();
        var ours = new ArrayList<MetadataScore>();
        var baseline = new ArrayList<MetadataScore>();
        var bodies = new ArrayList<Scored>();
        var todays = new ArrayList<Scored>();
        for (var page : pages) {
            var extracted = extractor.extract(page.html(), page.url());
            ours.add(MetadataScore.of(page, extracted.title(), day(extracted), extracted.authors()));
            var plain = PlainMetadata.of(page);
            baseline.add(MetadataScore.of(page, plain.title(), plain.day(), plain.authors()));
            bodies.add(new Scored(page, ShingleScore.of(page.body(), extracted.text())));
            todays.add(new Scored(page, ShingleScore.of(page.body(), safely(TextSystems.todaysCleaning(), page))));
            if (worst && page.look()) {
                var last = ours.getLast();
                if (!last.title() || !last.date() || last.authorsF1() < 1) {
                    out.printf(
                            "      %s%s%s %s%n        title %s | %s%n        date %s | %s%n        authors %s | %s%n",
                            last.title() ? "" : "T",
                            last.date() ? "" : "D",
                            last.authorsF1() < 1 ? "A" : "",
                            page.url(),
                            page.title(),
                            extracted.title(),
                            page.date(),
                            day(extracted),
                            page.authors(),
                            extracted.authors());
                }
            }
        }
        out.printf(
                "%nMetadata: metadata-benchmark, %d pages (tune %d: look %d, check %d / held out %d)%n",
                pages.size(),
                pages.stream().filter(Page::tuning).count(),
                pages.stream().filter(Page::look).count(),
                pages.stream().filter(Page::check).count(),
                pages.stream().filter(p -> !p.tuning()).count());
        out.printf("  %-44s %8s %10s %8s%n", "system / split", "title", "date (day)", "authors F1");
        for (var split : List.<Map.Entry<String, Predicate<Page>>>of(
                Map.entry("look", Page::look),
                Map.entry("check", Page::check),
                Map.entry("tune", Page::tuning),
                Map.entry("held out", p -> !p.tuning()),
                Map.entry("all", p -> true))) {
            printMetadata(out, "newsflow PageExtractor, " + split.getKey(), ours, split.getValue());
            printMetadata(out, "baseline <title> + <meta> dates, " + split.getKey(), baseline, split.getValue());
        }
        out.printf(
                "  body F1 (all): newsflow %s, today's enrich TextExtractor %s (P / R / F1)%n",
                summary(bodies, p -> true), summary(todays, p -> true));
        // the metadata benchmark's bodies are a second, hand-cleaned text gold: its look half is read for text rules
        // too
        out.printf(
                "  body F1, newsflow: look %s, check %s, tune %s, held out %s%n",
                summary(bodies, Page::look),
                summary(bodies, Page::check),
                summary(bodies, Page::tuning),
                summary(bodies, p -> !p.tuning()));
        if (worst) {
            printWorst(out, bodies);
        }
    }

    private static void printMetadata(PrintStream out, String name, List<MetadataScore> scores, Predicate<Page> which) {
        var means = MetadataMeans.of(scores, which);
        out.printf(Locale.ROOT, "  %-44s %8.3f %10.3f %8.3f%n", name, means.title(), means.date(), means.authorsF1());
    }

    /** Over the pages {@code which} picks: the share of exact titles and of right days, and the mean author F1. */
    record MetadataMeans(int pages, double title, double date, double authorsF1) {

        static MetadataMeans of(List<MetadataScore> scores, Predicate<Page> which) {
            var chosen = scores.stream().filter(s -> which.test(s.page())).toList();
            return new MetadataMeans(
                    chosen.size(),
                    chosen.stream()
                            .mapToDouble(s -> s.title() ? 1 : 0)
                            .average()
                            .orElse(0),
                    chosen.stream().mapToDouble(s -> s.date() ? 1 : 0).average().orElse(0),
                    chosen.stream()
                            .mapToDouble(MetadataScore::authorsF1)
                            .average()
                            .orElse(0));
        }
    }

    /** The day the page dates itself, at its own offset: the gold gives the day the page shows. */
    private static String day(ExtractedPage page) {
        return page.publishedDay().map(LocalDate::toString).orElse("");
    }

    /** One page's metadata against its gold: exact title, publication day, F1 of the author sets. */
    record MetadataScore(Page page, boolean title, boolean date, double authorsF1) {

        static MetadataScore of(Page page, String title, String day, List<String> authors) {
            var gold = names(page.authors());
            var predicted = names(authors);
            double f1;
            if (gold.isEmpty() && predicted.isEmpty()) {
                f1 = 1;
            } else {
                var common = new HashSet<>(gold);
                common.retainAll(predicted);
                f1 = gold.isEmpty() || predicted.isEmpty() ? 0 : 2.0 * common.size() / (gold.size() + predicted.size());
            }
            var goldDay = page.date().equals("NaT") ? "" : page.date();
            return new MetadataScore(page, normalise(title).equals(normalise(page.title())), goldDay.equals(day), f1);
        }

        private static HashSet<String> names(List<String> names) {
            var set = new HashSet<String>();
            names.stream()
                    .map(MetadataScore::normalise)
                    .filter(n -> !n.isEmpty())
                    .forEach(set::add);
            return set;
        }

        static String normalise(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFKC)
                    .replaceAll("\\s+", " ")
                    .strip()
                    .toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Pages per second of one thread's CPU time (one core, whatever else the machine runs), and of the wall clock,
     * after a warm-up pass.
     */
    private static void speed(List<Page> pages, PrintStream out) {
        out.printf("%nSpeed: extraction-benchmark pages on one thread, after a warm-up pass (3 passes timed)%n");
        out.printf("  %-30s %16s %16s%n", "system", "pages/CPU-second", "pages/second");
        var threads = ManagementFactory.getThreadMXBean();
        for (var system : List.of(TextSystems.newsflow(), TextSystems.todaysCleaning())) {
            pages.forEach(page -> safely(system, page));
            var rounds = 3;
            var cpuStart = threads.getCurrentThreadCpuTime();
            var start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                pages.forEach(page -> safely(system, page));
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            var cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "  %-30s %16.1f %16.1f%n",
                    system.name(),
                    rounds * pages.size() / cpuSeconds,
                    rounds * pages.size() / seconds);
        }
    }
}
