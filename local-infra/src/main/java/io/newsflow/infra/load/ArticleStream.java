package io.newsflow.infra.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of new articles for a scaling run: copies of template articles (the demo set), each one an article
 * of its own through a GUID and a title that name the run and its number, under a source named after the run, so that
 * ingest's deduplication keeps every one and the index can be searched for exactly the run's articles. It is sent at
 * a fixed rate, in small batches, so that instances join and leave while it flows. A tolerant stream (for faults
 * injected while it flows) counts a batch that ingest did not acknowledge as refused and goes on with the next.
 */
public final class ArticleStream {

    /** Batches per second: small enough that a rebalance or a killed instance falls between two of them. */
    static final int BATCHES_PER_SECOND = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestClient ingest;
    private final PrintStream out;
    private final boolean tolerant;

    public ArticleStream(URI ingest, Optional<String> key, PrintStream out) {
        this(new IngestClient(ingest, key, JSON), out, false);
    }

    private ArticleStream(IngestClient ingest, PrintStream out, boolean tolerant) {
        this.ingest = ingest;
        this.out = out;
        this.tolerant = tolerant;
    }

    /**
     * A stream that survives a stopped ingest or Kafka: a batch answered with an error, or not at all, is counted as
     * refused (none of its articles acknowledged) and the stream goes on. A 503 is not retried: the next batch is.
     */
    public static ArticleStream tolerant(URI ingest, Optional<String> key, PrintStream out) {
        return new ArticleStream(new IngestClient(ingest, key, JSON, List.of()), out, true);
    }

    /** The articles of a file ingest could take (the demo set by default), to be copied by {@link #articles}. */
    public static List<Item> templates(Path file) {
        var read = new ArticleReader(JSON, Optional.empty()).read(List.of(file));
        if (!read.problems().isEmpty()) {
            throw new LoadException("Cannot read the template articles: " + read.problems());
        }
        return read.items();
    }

    /** The source name every article of the run carries, a keyword in the index. */
    public static String sourceOf(String run) {
        return "scaling-" + run;
    }

    /** Articles {@code from} to {@code from + count - 1} of the run, made from the templates in turn. */
    public static List<Item> articles(List<Item> templates, String run, int from, int count, Instant publishedAt) {
        if (templates.isEmpty()) {
            throw new LoadException("No template articles to stream");
        }
        var articles = new ArrayList<Item>(count);
        for (var number = from; number < from + count; number++) {
            var template = templates.get(number % templates.size());
            var article = template.article().deepCopy();
            // a URL of its own would decide the id instead of the GUID; the demo's notes on its text have no field
            article.remove("url");
            article.remove("original");
            article.put("guid", run + "/" + number);
            article.put("title", article.path("title").asString("Article") + " (" + run + " #" + number + ")");
            article.putObject("source").put("name", sourceOf(run));
            article.put(
                    "publishedAt", publishedAt.truncatedTo(ChronoUnit.SECONDS).toString());
            articles.add(new Item(run + " #" + number + " (from " + template.origin() + ")", article));
        }
        return articles;
    }

    /**
     * The articles with every {@code every}-th one sent again {@code lag} items later with changed content (its title
     * and body), which ingest takes as its next revision: the index must end with the newer one.
     */
    public static List<Item> withRevisions(List<Item> articles, int every, int lag) {
        if (every < 1 || lag < 0) {
            throw new IllegalArgumentException("every must be positive, lag at least 0");
        }
        var stream = new ArrayList<Item>(articles.size() + articles.size() / every + 1);
        for (var i = 0; i < articles.size(); i++) {
            stream.add(articles.get(i));
            var earlier = i - lag;
            if (earlier >= 0 && earlier % every == 0) {
                stream.add(revised(articles.get(earlier)));
            }
        }
        return stream;
    }

    /** The same article (its GUID), changed. */
    static Item revised(Item item) {
        var article = item.article().deepCopy();
        article.put("title", article.path("title").asString("Article") + " (revised)");
        article.put("body", article.path("body").asString("") + "\n<p>Updated: a correction was appended.</p>");
        return new Item(item.origin() + " revised", article);
    }

    /** When the batch that begins with item {@code sent} is due, counted from the stream's start. */
    static Duration dueAfter(int sent, int perSecond) {
        return Duration.ofMillis(sent * 1000L / perSecond);
    }

    static int batchSize(int perSecond) {
        return Math.max(1, perSecond / BATCHES_PER_SECOND);
    }

    /**
     * Sends the articles at {@code perSecond}, appending the id and revision of every one ingest acknowledged to
     * {@code ids} after each batch (so that a run cut short still says what was sent), and answers what ingest made of
     * them.
     */
    LoadReport send(List<Item> articles, int perSecond, Optional<Path> ids) {
        return send(articles, perSecond, ids, Optional.empty());
    }

    /**
     * As {@link #send(List, int, Optional)}, ending early, between two batches, once {@code stop} exists: the caller
     * ends the stream when the step it flows through is over, and every article sent is in {@code ids}.
     */
    LoadReport send(List<Item> articles, int perSecond, Optional<Path> ids, Optional<Path> stop) {
        return send(
                articles,
                perSecond,
                acknowledged -> ids.ifPresent(file -> append(file, acknowledged)),
                () -> stop.filter(Files::exists).isPresent());
    }

    /**
     * Sends the articles at {@code perSecond} until they are all sent or {@code stop} answers true (asked before each
     * batch), handing what ingest acknowledged of each batch to {@code acknowledged} as soon as it answered.
     */
    public LoadReport send(
            List<Item> articles, int perSecond, Consumer<List<Acknowledged>> acknowledged, BooleanSupplier stop) {
        var report = new LoadReport();
        var size = batchSize(perSecond);
        var started = System.nanoTime();
        var lastPrinted = started;
        for (var from = 0; from < articles.size(); from += size) {
            pauseUntil(started + dueAfter(from, perSecond).toNanos());
            if (stop.getAsBoolean()) {
                out.printf("  told to stop after %d of %d articles%n", from, articles.size());
                break;
            }
            var batch = articles.subList(from, Math.min(articles.size(), from + size));
            List<IngestClient.Outcome> outcomes;
            try {
                outcomes = ingest.submit(batch);
            } catch (LoadException e) {
                if (!tolerant) {
                    throw e;
                }
                outcomes = batch.stream()
                        .map(item -> IngestClient.Outcome.rejected("not acknowledged: " + e.getMessage()))
                        .toList();
            }
            var acknowledgedNow = new ArrayList<Acknowledged>();
            for (var i = 0; i < batch.size(); i++) {
                var outcome = outcomes.get(i);
                report.add(batch.get(i), outcome);
                outcome.id()
                        .ifPresent(id -> acknowledgedNow.add(
                                new Acknowledged(id, outcome.revision().orElse(1L))));
            }
            if (!acknowledgedNow.isEmpty()) {
                acknowledged.accept(acknowledgedNow);
            }
            if (System.nanoTime() - lastPrinted >= Duration.ofSeconds(10).toNanos() || from + size >= articles.size()) {
                lastPrinted = System.nanoTime();
                out.printf("  %d sent: %s%n", report.sent(), report.counts());
            }
        }
        return report;
    }

    private static void pauseUntil(long nanoTime) {
        var wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("Interrupted while streaming", e);
        }
    }

    /** Appends {@code id TAB revision} lines, the format {@link Acknowledged#parse} reads. */
    public static void append(Path file, List<Acknowledged> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    String.join(
                                    "\n",
                                    acknowledged.stream()
                                            .map(Acknowledged::line)
                                            .toList())
                            + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LoadException("Cannot write the sent ids to " + file + ": " + e.getMessage(), e);
        }
    }
}
