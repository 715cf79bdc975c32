package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import io.newsflow.infra.load.Acknowledged;
import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.load.IndexAudit;
import io.newsflow.infra.load.IndexedArticles;
import io.newsflow.infra.load.Item;
import io.newsflow.infra.load.LoadReport;
import io.newsflow.infra.stack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One scenario: a stream of new articles (every 5th sent again, changed, 2 s later) flows into ingest for the warm-up,
 * the fault is injected and lifted, the stream flows on until everything acknowledged before the end of the fault is
 * searchable at its newest revision (the recovery) and for a while after, then stops; the index is audited against the
 * acknowledged-ids file once everything acknowledged is searchable or the timeout passed, and the dead-letter topics
 * are read for what reached them meanwhile.
 */
final class ScenarioRun {

    /** Every this-many-th article is sent again with changed content. */
    static final int REVISE_EVERY = 5;

    /** How far below {@link IndexedArticles#MAX_DOCUMENTS} a run stays, so one search reads it all. */
    static final int MAX_ARTICLES = 8_000;

    private static final Duration POLL = Duration.ofSeconds(2);

    private final LocalStack stack;
    private final ChaosArguments arguments;
    private final Faults faults;
    private final Topics topics;
    private final List<Item> templates;
    private final Optional<String> key;
    private final IndexedArticles index;
    private final PrintStream out;

    ScenarioRun(
            LocalStack stack,
            ChaosArguments arguments,
            Topics topics,
            List<Item> templates,
            Optional<String> key,
            PrintStream out) {
        this.stack = stack;
        this.arguments = arguments;
        this.topics = topics;
        this.templates = templates;
        this.key = key;
        this.out = out;
        this.index = new IndexedArticles(stack.elasticsearch(), topics.alias());
        this.faults = new Faults(stack, arguments, topics, templates, out);
    }

    ScenarioResult run(Scenario scenario, String run) {
        try {
            return measure(scenario, run);
        } finally {
            faults.restore(scenario);
        }
    }

    private ScenarioResult measure(Scenario scenario, String run) {
        var source = ArticleStream.sourceOf(run);
        var acknowledgedFile = stack.stateDir().resolve("chaos").resolve(run + ".acknowledged");
        var acknowledged = Collections.synchronizedList(new ArrayList<Acknowledged>());
        var notes = new ArrayList<String>();
        createFolderOf(acknowledgedFile);
        try (var deadLetters = new DeadLetterTopics(stack.kafkaBootstrapServers(), topics.sources());
                var executor = Executors.newSingleThreadExecutor()) {
            var deadLettersFrom = deadLetters.ends();
            var articles = ArticleStream.withRevisions(
                    ArticleStream.articles(templates, run, 0, count(), Instant.now()),
                    REVISE_EVERY,
                    arguments.rate() * 2);
            var stop = new AtomicBoolean();
            // the stream's batches and the fault's own articles (slow-article) are written from two threads
            Consumer<List<Acknowledged>> record = batch -> {
                synchronized (acknowledged) {
                    acknowledged.addAll(batch);
                    ArticleStream.append(acknowledgedFile, batch);
                }
            };
            var stream = ArticleStream.tolerant(stack.ingest(), key, out);
            out.printf(
                    "%s: %s%n  streaming %d articles a second (source %s) ...%n",
                    scenario.id(), scenario.description(), arguments.rate(), source);
            Future<LoadReport> sent = executor.submit(() -> stream.send(articles, arguments.rate(), record, stop::get));
            pause(arguments.warmUp());
            var started = System.nanoTime();
            Fault fault;
            try {
                fault = faults.inject(scenario, run, items -> {
                    var report =
                            ArticleStream.tolerant(stack.ingest(), key, out).send(items, 1, record, () -> false);
                    out.printf("  %s%n", report.counts());
                });
            } catch (InfraException e) {
                // no pass for a scenario whose fault never happened as described
                fault = new Fault(
                        Duration.ofNanos(System.nanoTime() - started),
                        List.of(),
                        List.of("could not be injected or lifted: " + e.getMessage()));
            }
            fault.problems().forEach(problem -> out.printf("  the fault: %s%n", problem));
            var liftedAt = System.nanoTime();
            List<Acknowledged> beforeLift;
            synchronized (acknowledged) {
                beforeLift = List.copyOf(acknowledged);
            }
            out.printf(
                    "  fault over after %s; waiting for the %d acknowledged so far to be searchable ...%n",
                    ChaosReport.seconds(fault.duration()), beforeLift.size());
            var recovered = Poll.until(() -> searchable(beforeLift, source), arguments.timeout(), POLL);
            var recovery = recovered
                    ? Optional.of(Duration.ofNanos(System.nanoTime() - liftedAt))
                    : Optional.<Duration>empty();
            recovery.ifPresent(took -> out.printf("  recovered in %s%n", ChaosReport.seconds(took)));
            pause(arguments.after());
            stop.set(true);
            var report = result(sent);
            out.printf(
                    "  stream stopped: %s; waiting for every acknowledged article to be searchable ...%n",
                    report.counts());
            // also after no recovery: an article is lost only once it had the whole timeout to become searchable
            Poll.until(() -> searchable(List.copyOf(acknowledged), source), arguments.timeout(), POLL);
            var audit = IndexAudit.of(Acknowledged.parse(lines(acknowledgedFile)), index.read(source));
            var letters = deadLetters.since(deadLettersFrom);
            var pillKeys = new HashSet<>(fault.pills());
            var pillsDeadLettered = letters.stream()
                    .filter(letter ->
                            pillKeys.contains(letter.key()) && letter.reason().isPresent())
                    .map(DeadLetterTopics.DeadLetter::key)
                    .distinct()
                    .count();
            var others = letters.stream()
                    .filter(letter -> !pillKeys.contains(letter.key()))
                    .toList();
            others.stream()
                    .limit(3)
                    .forEach(letter -> notes.add("dead-lettered on " + letter.topic() + ": " + letter.key() + " ("
                            + abbreviated(letter.reason().orElse("no reason")) + ")"));
            letters.stream()
                    .filter(letter -> pillKeys.contains(letter.key()))
                    .limit(1)
                    .forEach(letter -> notes.add("a pill's reason on " + letter.topic() + ": "
                            + abbreviated(letter.reason().orElse("none"))));
            if (!audit.unacknowledged().isEmpty()) {
                notes.add(audit.unacknowledged().size()
                        + " searchable at a revision never acknowledged (their batch failed after ingest wrote them)");
            }
            return new ScenarioResult(
                    scenario,
                    audit,
                    report.rejected().size(),
                    others.size(),
                    new ScenarioResult.Pills(fault.pills().size(), (int) pillsDeadLettered),
                    fault.duration(),
                    recovery,
                    notes,
                    fault.problems());
        }
    }

    /** Enough articles to flow through the longest scenario at the rate, within what one search reads. */
    private int count() {
        var seconds = arguments.warmUp().toSeconds()
                + arguments.freeze().toSeconds()
                + arguments.block().toSeconds()
                + arguments.kafkaDown().toSeconds()
                + arguments.slowHold().toSeconds()
                + 2 * arguments.timeout().toSeconds()
                + arguments.after().toSeconds()
                + 300;
        return (int) Math.min(MAX_ARTICLES, seconds * arguments.rate());
    }

    /** Every one of them in the index at its newest revision; false while the index cannot be read. */
    private boolean searchable(List<Acknowledged> acknowledged, String source) {
        try {
            // a count first, cheap beside reading every document while the pipeline is still behind
            var articles =
                    acknowledged.stream().map(Acknowledged::id).distinct().count();
            return index.count(source) >= articles
                    && IndexAudit.of(acknowledged, index.read(source)).complete();
        } catch (InfraException e) {
            return false;
        }
    }

    private static LoadReport result(Future<LoadReport> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new InfraException(
                    "The stream of articles failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while streaming", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted", e);
        }
    }

    private static String abbreviated(String text) {
        var line = text.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    private static void createFolderOf(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new InfraException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new InfraException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
