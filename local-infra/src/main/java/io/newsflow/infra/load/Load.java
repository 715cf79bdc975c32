package io.newsflow.infra.load;

import io.newsflow.infra.InfraException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code newsflow load [--ingest URL] [--source NAME] [--poll-interval 15m] <folder|file|feed-url>...}: loads articles
 * into a running ingest service, or registers feeds with it. Exits 1 when an article was rejected or a file could not
 * be read (the others are loaded all the same), 2 on a wrong command line.
 */
public final class Load {

    static final String USAGE =
            """
            Usage: ./newsflow load [--ingest URL] [--key KEY] [--source NAME] [--poll-interval 15m] <folder|file|feed-url>...
              folder or file  articles in ingest's push format (.json: one or an array; .ndjson/.jsonl: one per line;
                              each may be .gz) or plain text (.txt: the first line is the headline, the rest the body)
              feed-url        an http(s) RSS, Atom or JSON feed, registered with ingest, which polls it from then on
              --ingest URL    the ingest service (default: $NEWSFLOW_INGEST_URL, else http://localhost:8081)
              --key KEY       the API key sent to ingest, with articles:write (and feeds:manage for a feed)
                              (default: $NEWSFLOW_API_KEY; ./newsflow sets it to the loader key 'up' created)
              --source NAME   the source of .txt articles (default: the name of their folder), or of a feed
              --poll-interval how often ingest polls a feed (default: ingest's own)""";

    /** The command line, parsed. */
    record Arguments(
            URI ingest,
            Optional<String> key,
            Optional<String> source,
            Optional<String> pollInterval,
            List<String> targets) {

        static Arguments parse(List<String> args, Map<String, String> env) {
            var ingest = env.getOrDefault(
                    "NEWSFLOW_INGEST_URL", "http://localhost:" + env.getOrDefault("NEWSFLOW_INGEST_PORT", "8081"));
            Optional<String> key =
                    Optional.ofNullable(env.get("NEWSFLOW_API_KEY")).filter(value -> !value.isBlank());
            Optional<String> source = Optional.empty();
            Optional<String> pollInterval = Optional.empty();
            var targets = new ArrayList<String>();
            for (var i = 0; i < args.size(); i++) {
                var arg = args.get(i);
                switch (arg) {
                    case "--ingest" -> ingest = value(args, ++i, arg);
                    case "--key" -> key = Optional.of(value(args, ++i, arg));
                    case "--source" -> source = Optional.of(value(args, ++i, arg));
                    case "--poll-interval" -> pollInterval = Optional.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        targets.add(arg);
                    }
                }
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("name a folder, a file or a feed URL to load");
            }
            URI uri;
            try {
                uri = URI.create(ingest.endsWith("/") ? ingest : ingest + "/");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--ingest " + ingest + " is not a URL");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("--ingest " + ingest + " is not an http(s) URL");
            }
            return new Arguments(uri, key, source, pollInterval, List.copyOf(targets));
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }
    }

    private Load() {}

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("newsflow load: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(run(arguments, System.out) ? 0 : 1);
        } catch (InfraException e) {
            System.err.println("newsflow load: " + e.getMessage());
            System.exit(1);
        }
    }

    /** True when everything was loaded. */
    static boolean run(Arguments arguments, PrintStream out) {
        var loader = new ArticleLoader(arguments.ingest(), arguments.key(), out);
        var paths = new ArrayList<Path>();
        for (var target : arguments.targets()) {
            if (target.startsWith("http://") || target.startsWith("https://")) {
                loader.registerFeed(URI.create(target), arguments.source(), arguments.pollInterval());
            } else {
                paths.add(Path.of(target));
            }
        }
        if (paths.isEmpty()) {
            return true;
        }
        var report = loader.load(paths, arguments.source());
        report.print(out);
        if (report.sent() > report.rejected().size()) {
            out.println("Enrichment and indexing follow within seconds: search with curl -H \"X-Api-Key: $(cat"
                    + " .newsflow/credentials/editor-key)\" 'http://localhost:8083/api/v1/search?q=...' or open"
                    + " http://localhost:8083/ and sign in with that key");
        }
        return report.clean();
    }
}
