package io.newsflow.infra.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code ./newsflow bench <corpus> [--articles N] [--warmup N] [--keep]}.
 *
 * @param warmup articles sent through the pipeline, unmeasured, before the measured flows (by default as many as
 *     {@code articles}: the enrichment anchor warms up on all of its articles too)
 */
record BenchArguments(
        Optional<Path> corpus, int articles, int warmup, boolean keep, int clients, Duration searchFor, boolean help) {

    static final String USAGE =
            """
            usage: ./newsflow bench <corpus-folder-or-ndjson> [--articles N] [--warmup N] [--keep] [--clients 20]
                                    [--search-for 15s]
              against the stack './newsflow up -d' started: streams N articles (default 1000) made from the corpus into
              ingest as fast as it takes them, then N/2 at half the measured end-to-end rate, then searches with 20
              concurrent clients; writes .newsflow/reports/bench-<stamp>.md. Before the measured flows, --warmup
              articles (default N, 0 for none) go through unmeasured, as the enrichment anchor warms up on its N.
              --keep leaves the scratch topic and index.""";

    static BenchArguments parse(List<String> args) {
        Optional<Path> corpus = Optional.empty();
        var articles = 1000;
        var warmup = -1;
        var keep = false;
        var clients = 20;
        var searchFor = Duration.ofSeconds(15);
        for (var i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> {
                    return new BenchArguments(Optional.empty(), articles, articles, keep, clients, searchFor, true);
                }
                case "--keep" -> keep = true;
                case "--articles" -> articles = positive(arg, value(args, ++i, arg));
                case "--warmup" -> warmup = notNegative(arg, value(args, ++i, arg));
                case "--clients" -> clients = positive(arg, value(args, ++i, arg));
                case "--search-for" -> searchFor = duration(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (corpus.isPresent()) {
                        throw new IllegalArgumentException("one corpus only, not also " + arg);
                    }
                    corpus = Optional.of(Path.of(arg));
                }
            }
        }
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("name the corpus: a folder or an .ndjson(.gz) file of articles");
        }
        if (articles < 2) {
            throw new IllegalArgumentException("--articles must be at least 2");
        }
        return new BenchArguments(corpus, articles, warmup < 0 ? articles : warmup, keep, clients, searchFor, false);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String option, String value) {
        var n = number(option, value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be positive, not " + value);
        }
        return n;
    }

    private static int notNegative(String option, String value) {
        var n = number(option, value);
        if (n < 0) {
            throw new IllegalArgumentException(option + " must be 0 or more, not " + value);
        }
        return n;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value, e);
        }
    }

    /** 15s, 500ms, 2m. */
    static Duration duration(String value) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a duration like 15s, 500ms or 2m, not " + value);
        }
        var n = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
