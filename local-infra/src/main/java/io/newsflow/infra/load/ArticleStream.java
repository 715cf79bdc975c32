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
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of new articles for a scaling run: copies of template articles (the demo set), each one an article
 * of its own through a GUID and a title that name the run and its number, under a source named after the run, so that
 * ingest's deduplication keeps every one and the index can be searched for exactly the run's articles. It is sent at
 * a fixed rate, in small batches, so that instances join and leave while it flows.
 */
final class ArticleStream {

    /** Batches per second: small enough that a rebalance or a killed instance falls between two of them. */
    static final int BATCHES_PER_SECOND = 2;

    private final JsonMapper json = JsonMapper.builder().build();
    private final IngestClient ingest;
    private final PrintStream out;

    ArticleStream(URI ingest, PrintStream out) {
        this.ingest = new IngestClient(ingest, json);
        this.out = out;
    }

    /** The source name every article of the run carries, a keyword in the index. */
    static String sourceOf(String run) {
        return "scaling-" + run;
    }

    /** Articles {@code from} to {@code from + count - 1} of the run, made from the templates in turn. */
    static List<Item> articles(List<Item> templates, String run, int from, int count, Instant publishedAt) {
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

    /** When the batch that begins with item {@code sent} is due, counted from the stream's start. */
    static Duration dueAfter(int sent, int perSecond) {
        return Duration.ofMillis(sent * 1000L / perSecond);
    }

    static int batchSize(int perSecond) {
        return Math.max(1, perSecond / BATCHES_PER_SECOND);
    }

    /**
     * Sends the articles at {@code perSecond}, appending the id of every one ingest acknowledged to {@code ids} after
     * each batch (so that a run cut short still says what was sent), and answers what ingest made of them.
     */
    LoadReport send(List<Item> articles, int perSecond, Optional<Path> ids) {
        return send(articles, perSecond, ids, Optional.empty());
    }

    /**
     * As {@link #send(List, int, Optional)}, ending early, between two batches, once {@code stop} exists: the caller
     * ends the stream when the step it flows through is over, and every article sent is in {@code ids}.
     */
    LoadReport send(List<Item> articles, int perSecond, Optional<Path> ids, Optional<Path> stop) {
        var report = new LoadReport();
        var size = batchSize(perSecond);
        var started = System.nanoTime();
        var lastPrinted = started;
        for (var from = 0; from < articles.size(); from += size) {
            pauseUntil(started + dueAfter(from, perSecond).toNanos());
            if (stop.filter(Files::exists).isPresent()) {
                out.printf("  told to stop after %d of %d articles%n", from, articles.size());
                break;
            }
            var batch = articles.subList(from, Math.min(articles.size(), from + size));
            var outcomes = ingest.submit(batch);
            var acknowledged = new ArrayList<String>();
            for (var i = 0; i < batch.size(); i++) {
                report.add(batch.get(i), outcomes.get(i));
                outcomes.get(i).id().ifPresent(acknowledged::add);
            }
            ids.ifPresent(file -> append(file, acknowledged));
            if (System.nanoTime() - lastPrinted >= Duration.ofSeconds(10).toNanos() || from + size >= articles.size()) {
                lastPrinted = System.nanoTime();
                out.printf("  %d/%d sent: %s%n", report.sent(), articles.size(), report.counts());
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

    private static void append(Path file, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    String.join("\n", ids) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LoadException("Cannot write the sent ids to " + file + ": " + e.getMessage(), e);
        }
    }
}
