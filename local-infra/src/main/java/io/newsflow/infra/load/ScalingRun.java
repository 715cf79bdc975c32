package io.newsflow.infra.load;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article side of {@code ./newsflow containers scale}, which scales the services around it:
 *
 * <ul>
 *   <li>{@code stream}: sends numbered new articles at a steady rate to ingest, appending the acknowledged ids to a
 *       file, until it has sent them all or a stop file appears;
 *   <li>{@code check}: waits until the index holds as many documents of the run as ingest acknowledged, then prints
 *       sent, searchable, lost and duplicated, and the work per instance that the caller measured.
 * </ul>
 *
 * Exits 1 when an article was not accepted as new, or anything was lost or duplicated; 2 on a wrong command line.
 */
public final class ScalingRun {

    static final String USAGE =
            """
            Usage: ScalingRun stream --run ID --count N --ids FILE [--from 0] [--rate 20] [--ingest URL] [--templates FILE]
                                    [--stop-file FILE]
                   ScalingRun check --run ID --ids FILE [--ids FILE ...] [--work FILE] [--elasticsearch URL]
                                    [--alias newsflow-articles] [--timeout 300]
              --count      articles at most: the stream ends earlier once the --stop-file exists
              --rate       articles per second, sent in batches of half as many
              --templates  the articles the stream is made of (default samples/demo/articles.ndjson.gz)
              --work       tab-separated lines: instance, step, records, note
            The stream sends NEWSFLOW_API_KEY as the key to ingest (it needs articles:write).""";

    private ScalingRun() {}

    public static void main(String[] args) {
        try {
            System.exit(run(List.of(args), System.getenv(), System.out) ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("scaling run: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (InfraException e) {
            System.err.println("scaling run: " + e.getMessage());
            System.exit(1);
        }
    }

    /** True when the step went as it should. */
    static boolean run(List<String> args, Map<String, String> env, PrintStream out) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("name a step: stream or check");
        }
        var options = Options.parse(args.subList(1, args.size()));
        return switch (args.getFirst()) {
            case "stream" -> stream(options, env, out);
            case "check" -> check(options, env, out);
            default -> throw new IllegalArgumentException("unknown step " + args.getFirst());
        };
    }

    private static boolean stream(Options options, Map<String, String> env, PrintStream out) {
        var run = options.required("--run");
        var from = options.number("--from", 0);
        var count = options.number("--count", -1);
        var rate = options.number("--rate", 20);
        if (count < 1 || rate < 1 || from < 0) {
            throw new IllegalArgumentException("--count and --rate must be positive, --from at least 0");
        }
        var ingest = URI.create(withSlash(options.one("--ingest")
                .orElse(env.getOrDefault(
                        "NEWSFLOW_INGEST_URL",
                        "http://localhost:" + env.getOrDefault("NEWSFLOW_INGEST_PORT", "8081")))));
        var templates = Path.of(options.one("--templates").orElse("samples/demo/articles.ndjson.gz"));
        var articles = ArticleStream.articles(ArticleStream.templates(templates), run, from, count, Instant.now());
        out.printf(
                "Streaming %d articles (#%d to #%d of run %s) to %s at %d a second ...%n",
                count, from, from + count - 1, run, ingest, rate);
        // the compose file's admin key, or a key with articles:write
        var key = Optional.ofNullable(env.get("NEWSFLOW_API_KEY")).filter(value -> !value.isBlank());
        var report = new ArticleStream(ingest, key, out)
                .send(
                        articles,
                        rate,
                        Optional.of(Path.of(options.required("--ids"))),
                        options.one("--stop-file").map(Path::of));
        report.print(out);
        // every article of the stream is new: a duplicate or an update would mean ids collide
        return report.clean() && report.accepted() == report.sent() && report.sent() > 0;
    }

    private static boolean check(Options options, Map<String, String> env, PrintStream out) {
        var source = ArticleStream.sourceOf(options.required("--run"));
        var acknowledged = new ArrayList<String>();
        for (var file : options.all("--ids")) {
            Acknowledged.parse(lines(Path.of(file))).forEach(article -> acknowledged.add(article.id()));
        }
        if (acknowledged.size() > IndexedArticles.MAX_DOCUMENTS) {
            throw new IllegalArgumentException("at most " + IndexedArticles.MAX_DOCUMENTS + " articles can be checked");
        }
        var work = new ArrayList<ScalingReport.Work>();
        for (var file : options.all("--work")) {
            work.addAll(work(lines(Path.of(file))));
        }
        var elasticsearch = URI.create(withSlash(options.one("--elasticsearch")
                .orElse("http://localhost:" + env.getOrDefault("NEWSFLOW_ELASTICSEARCH_PORT", "9200"))));
        var index = new IndexedArticles(elasticsearch, options.one("--alias").orElse("newsflow-articles"));
        var timeout = Duration.ofSeconds(options.number("--timeout", 300));
        var started = System.nanoTime();
        var expected = acknowledged.stream().distinct().count();
        var complete = Poll.until(() -> index.count(source) >= expected, timeout);
        out.printf(
                "The index holds %s documents of %s %d s after the check began.%n",
                complete ? "all " + expected : index.count(source) + " of " + expected,
                source,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        var report = ScalingReport.of(acknowledged, index.read(source), work);
        report.print(out);
        return report.clean();
    }

    /** {@code instance TAB step TAB records [TAB note]} per line. */
    static List<ScalingReport.Work> work(List<String> lines) {
        var work = new ArrayList<ScalingReport.Work>();
        for (var line : lines) {
            var fields = line.split("\t", -1);
            if (fields.length < 3) {
                throw new IllegalArgumentException("a work line needs instance, step and records: " + line);
            }
            long records;
            try {
                records = Long.parseLong(fields[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number of records: " + line);
            }
            work.add(new ScalingReport.Work(fields[0], fields[1], records, fields.length > 3 ? fields[3] : ""));
        }
        return work;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new LoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** {@code --name value} pairs; a name may come more than once. */
    record Options(Map<String, List<String>> values) {

        static Options parse(List<String> args) {
            var values = new HashMap<String, List<String>>();
            for (var i = 0; i < args.size(); i += 2) {
                var name = args.get(i);
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("expected an option, found " + name);
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(i + 1));
            }
            return new Options(values);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        Optional<String> one(String name) {
            var given = all(name);
            return given.isEmpty() ? Optional.empty() : Optional.of(given.getLast());
        }

        String required(String name) {
            return one(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
        }

        int number(String name, int otherwise) {
            var value = one(name);
            if (value.isEmpty()) {
                return otherwise;
            }
            try {
                return Integer.parseInt(value.get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " " + value.get() + " is not a number");
            }
        }
    }
}
