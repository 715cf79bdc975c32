package io.newsflow.extraction.lab;

import io.newsflow.extraction.PageExtractor;
import io.newsflow.extraction.lab.ExtractionEvaluation.MetadataScore;
import io.newsflow.extraction.lab.Pages.Page;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The tuning split's metadata failures, for studying them: per page of the look half and failing field, the gold,
 * ours, the sources that hold our value and those that hold the gold (or "none"), then every candidate the page
 * offers for that field; the check half is only scored. Only tuning pages are given to it.
 */
final class MetadataFailures {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private MetadataFailures() {}

    static void print(List<Page> tuningPages, PrintStream out) {
        var extractor = new PageExtractor();
        var scores = new ArrayList<MetadataScore>();
        for (var page : tuningPages) {
            var extracted = extractor.extract(page.html(), page.url());
            var day = extracted.publishedDay().map(LocalDate::toString).orElse("");
            var score = MetadataScore.of(page, extracted.title(), day, extracted.authors());
            scores.add(score);
            if (!page.look() || (score.title() && score.date() && score.authorsF1() == 1)) {
                continue;
            }
            var found = MetadataCandidates.of(page.html(), page.url().toString());
            out.printf("%n== %s %s%n", page.id(), page.url());
            if (!score.title()) {
                field(out, "title", page.title(), extracted.title(), found.titles(), MetadataScore::normalise);
            }
            if (!score.date()) {
                field(out, "date", page.date(), day, found.dates(), MetadataFailures::dayKey);
            }
            if (score.authorsF1() < 1) {
                field(
                        out,
                        "authors",
                        String.join(", ", page.authors()),
                        String.join(", ", extracted.authors()),
                        found.authors(),
                        MetadataScore::normalise);
            }
        }
        for (var half : List.<Map.Entry<String, Predicate<Page>>>of(
                Map.entry("look half", Page::look),
                Map.entry("check half", Page::check),
                Map.entry("tuning split", Page::tuning))) {
            var means = ExtractionEvaluation.MetadataMeans.of(scores, half.getValue());
            out.printf(
                    Locale.ROOT,
                    "%n%s, %d pages: title %.3f, date (day) %.3f, authors F1 %.3f",
                    half.getKey(),
                    means.pages(),
                    means.title(),
                    means.date(),
                    means.authorsF1());
        }
        out.println();
    }

    private static void field(
            PrintStream out,
            String name,
            String gold,
            String ours,
            Map<String, List<String>> found,
            UnaryOperator<String> key) {
        out.printf(
                "  %s%n    gold: %s%n      in: %s%n    ours: %s%n      in: %s%n",
                name,
                gold,
                MetadataCandidates.sourceOf(found, gold, key),
                ours,
                MetadataCandidates.sourceOf(found, ours, key));
        found.forEach((source, values) -> out.printf("      - %s: %s%n", source, String.join(" ‖ ", values)));
    }

    /** A date's day, for matching a gold day against the candidates' values. */
    private static String dayKey(String value) {
        var matcher = DAY.matcher(value);
        return matcher.find() ? matcher.group() : value.strip();
    }
}
