package io.newsflow.infra.load;

import io.newsflow.infra.HttpProbe;
import io.newsflow.infra.Poll;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What {@code up} loads: the demo articles of {@code samples/demo/} with their publication times moved onto the last
 * {@link #SPAN} (oldest first, in the file's order), and every other sample of {@code samples/} as it is; then it waits
 * until search finds them all.
 *
 * <p>The times count back from an anchor kept in {@code .newsflow/demo-anchor}, so a second {@code up} sends the same
 * articles again and ingest finds every one a duplicate. An anchor older than {@link #REANCHOR_AFTER} is moved to now,
 * so the trending panel (the last 24 hours) keeps something to show: the articles keep their ids and get a new
 * revision.
 */
public final class DemoData {

    static final Duration SPAN = Duration.ofDays(7);
    static final Duration REANCHOR_AFTER = Duration.ofDays(1);
    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofMinutes(5);
    private static final int LOOKUPS = 8;

    private final Path samples;
    private final Path anchorFile;
    private final URI ingest;
    private final URI search;
    private final Optional<String> ingestKey;
    private final Map<String, String> searchCredentials;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param ingestKey the API key the articles are pushed with (articles:write)
     * @param searchKey the API key they are looked up in search with (search:read)
     */
    public DemoData(
            Path samples,
            Path anchorFile,
            URI ingest,
            Optional<String> ingestKey,
            URI search,
            Optional<String> searchKey,
            Clock clock,
            PrintStream out) {
        this.samples = samples;
        this.anchorFile = anchorFile;
        this.ingest = ingest;
        this.ingestKey = ingestKey;
        this.search = search;
        this.searchCredentials = searchKey.map(key -> Map.of("X-Api-Key", key)).orElse(Map.of());
        this.clock = clock;
        this.out = out;
    }

    /** Loads the samples and waits until they are searchable; prints what it loaded. */
    public LoadReport load() {
        var started = clock.instant();
        var loader = new ArticleLoader(ingest, ingestKey, out);
        var demo = samples.resolve("demo");
        var anchor = anchor();
        var report = new LoadReport();
        List<Path> demoFiles = files(demo);
        if (!demoFiles.isEmpty()) {
            report = loader.load(demoFiles, Optional.empty(), items -> redated(items, anchor));
            out.printf(
                    "Demo data (%s): %d articles, published over the %d days up to %s (their original dates: "
                            + "samples/README.md)%n",
                    relative(demo), report.sent(), SPAN.toDays(), anchor);
        }
        var others =
                files(samples).stream().filter(file -> !file.startsWith(demo)).toList();
        var all = report;
        if (!others.isEmpty()) {
            var samplesReport = loader.load(others, Optional.empty());
            all = LoadReport.merge(report, samplesReport);
        }
        all.print(out);
        awaitSearchable(all, started);
        return all;
    }

    /** The articles in order, the first at {@code anchor - SPAN} and the last at {@code anchor}. */
    static List<Item> redated(List<Item> items, Instant anchor) {
        var redated = new ArrayList<Item>(items.size());
        var steps = Math.max(1, items.size() - 1);
        for (var i = 0; i < items.size(); i++) {
            var article = items.get(i).article().deepCopy();
            var before = SPAN.multipliedBy(items.size() - 1 - i).dividedBy(steps);
            article.put(
                    "publishedAt",
                    anchor.minus(before).truncatedTo(ChronoUnit.SECONDS).toString());
            // The demo's own notes on where the text comes from; ingest has no field for them.
            article.remove("original");
            redated.add(new Item(items.get(i).origin(), article));
        }
        return redated;
    }

    /** The anchor of an earlier load when it is recent, else now (written down for the next load). */
    Instant anchor() {
        var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        try {
            var kept = Instant.parse(Files.readString(anchorFile).strip());
            if (!kept.isAfter(now) && Duration.between(kept, now).compareTo(REANCHOR_AFTER) < 0) {
                return kept;
            }
        } catch (IOException | DateTimeParseException e) {
            // no anchor yet, or an unreadable one: start from now
        }
        try {
            Files.createDirectories(anchorFile.getParent());
            Files.writeString(anchorFile, now + "\n");
        } catch (IOException e) {
            out.println("Could not write " + anchorFile + " (" + e.getMessage()
                    + "): the next 'up' will date the demo articles anew.");
        }
        return now;
    }

    private List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(file -> Files.isRegularFile(file)
                            && ArticleReader.kind(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            out.println("Cannot list " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Returns once search finds every loaded article: the first look at the dashboard right after {@code up} then
     * shows them all, instead of racing the enrich and index steps.
     */
    private void awaitSearchable(LoadReport report, Instant started) {
        var pending = new ArrayList<>(report.ids());
        var total = pending.size();
        if (total == 0) {
            return;
        }
        var lastPrinted = new Instant[] {clock.instant()};
        var searchable = Poll.until(
                () -> {
                    pending.removeAll(found(pending));
                    if (Duration.between(lastPrinted[0], clock.instant()).toSeconds() >= 10) {
                        lastPrinted[0] = clock.instant();
                        out.printf("  %d/%d searchable ...%n", total - pending.size(), total);
                    }
                    return pending.isEmpty();
                },
                SEARCHABLE_TIMEOUT);
        var seconds = Duration.between(started, clock.instant()).toSeconds();
        if (searchable) {
            out.printf("  %d articles searchable, %d s after loading began.%n", total, seconds);
        } else {
            out.printf(
                    "  %d of %d articles searchable after %d s: see the enrich and search logs.%n",
                    total - pending.size(), total, seconds);
        }
    }

    /** The ids search finds, looked up a few at a time: one by one, a few hundred take seconds on a busy machine. */
    private Set<String> found(List<String> ids) {
        try (ExecutorService lookups = Executors.newFixedThreadPool(LOOKUPS)) {
            var answers = new ArrayList<Future<Boolean>>(ids.size());
            for (var id : ids) {
                answers.add(lookups.submit(
                        () -> HttpProbe.ok(search.resolve("/api/v1/articles/" + id), searchCredentials, body -> true)));
            }
            var found = new HashSet<String>();
            for (var i = 0; i < ids.size(); i++) {
                if (answers.get(i).get()) {
                    found.add(ids.get(i));
                }
            }
            return found;
        } catch (ExecutionException e) {
            throw new LoadException("Looking up the loaded articles in search failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("Interrupted while waiting for search", e);
        }
    }

    private String relative(Path path) {
        var home = samples.toAbsolutePath().getParent();
        var absolute = path.toAbsolutePath();
        return home != null && absolute.startsWith(home)
                ? home.relativize(absolute).toString()
                : path.toString();
    }
}
