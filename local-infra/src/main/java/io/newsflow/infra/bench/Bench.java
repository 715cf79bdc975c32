package io.newsflow.infra.bench;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.Poll;
import io.newsflow.infra.load.Acknowledged;
import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.load.Item;
import io.newsflow.infra.stack.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newsflow bench <corpus> [--articles N] [--keep]}: the end-to-end benchmark against the stack
 * {@code ./newsflow up -d} started. Streams N articles made from the corpus into ingest as fast as it acknowledges
 * them and times when they reach the raw topic, the enriched topic and a search, beside raw anchors measured in the
 * same run (a plain Kafka producer, enrichment alone in process, plain bulk requests; end to end against the slowest
 * of them); then N/2 at half the end-to-end rate for the latency from
 * acknowledgement to searchable; then concurrent searches. Writes {@code .newsflow/reports/bench-<stamp>.md}.
 */
public final class Bench {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ingest's batches at most 1,000 items: at this rate ArticleStream sends 800 a batch, unpaced unless faster. */
    static final int UNPACED_RATE = 1600;

    private Bench() {}

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        BenchArguments arguments;
        try {
            arguments = BenchArguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(BenchArguments.USAGE);
            return;
        }
        var home = Path.of(System.getProperty("newsflow.home", "")).toAbsolutePath();
        try {
            run(arguments, home, System.getenv(), String.join(" ", args), System.out);
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(BenchArguments arguments, Path home, Map<String, String> env, String args, PrintStream out) {
        var stack = LocalStack.of(home, env);
        var unhealthy = stack.unhealthy();
        if (!unhealthy.isEmpty()) {
            throw new InfraException("not running or not healthy: " + String.join(", ", unhealthy)
                    + ". Start the stack with './newsflow up -d' (with the same NEWSFLOW_*_PORT variables).");
        }
        var loader = Optional.ofNullable(env.get("NEWSFLOW_API_KEY"))
                .filter(value -> !value.isBlank())
                .or(stack::loaderKey);
        var editor = stack.editorKey()
                .orElseThrow(() -> new InfraException(
                        "no editor key in " + stack.stateDir().resolve("credentials")));
        var rawTopic = env.getOrDefault("NEWSFLOW_TOPICS_RAW", "newsflow.articles.raw");
        var enrichedTopic = env.getOrDefault("NEWSFLOW_TOPICS_ENRICHED", "newsflow.articles.enriched");
        var alias = env.getOrDefault("NEWSFLOW_SEARCH_INDEX_ALIAS", "newsflow-articles");

        var templates = ArticleStream.templates(arguments.corpus().orElseThrow().toAbsolutePath());
        var started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var stamp = STAMP.format(started);
        var tag = "newsflow-bench-" + stamp;
        var loadBefore = loadAverage();
        var n = arguments.articles();
        out.printf("Bench %s: %d articles from %d templates; load average %s%n", tag, n, templates.size(), loadBefore);

        var maxRun = articles(templates, tag + "-max", n, tag);
        var anchors = new Anchors(stack.kafkaBootstrapServers(), stack.elasticsearch());
        var notes = new ArrayList<String>();
        // the figures depend on it: a search instance remembers 10,000 articles, and beyond what it remembers within
        // the story window it asks Elasticsearch for every article's story candidates
        var indexed =
                count(Http.send("GET", stack.elasticsearch().resolve("/" + alias + "/_count"), "application/json", null)
                        .body());
        out.printf("The index holds %d articles before the run%n", indexed);
        notes.add("The index held " + indexed + " articles before the run (Elasticsearch's CPU per article grows with"
                + " the articles within the story window: beyond the 10,000 a search instance remembers, each"
                + " article's story candidates are a search).");

        // the anchors first, so that the pipeline's backlog does not share the machine with them
        var payloads = maxRun.stream()
                .map(item -> JSON.writeValueAsBytes(item.article()))
                .toList();
        var keys = maxRun.stream()
                .map(item -> item.article().path("guid").asString())
                .toList();
        var partitions = anchors.partitions(rawTopic);
        out.printf(
                "Raw anchor: a plain Kafka producer into the scratch topic %s (%d partitions) ...%n", tag, partitions);
        var beforeKafkaAnchor = stack.cpuTimes();
        var kafkaSeconds = anchors.kafka(tag, partitions, keys, payloads);
        var alone = new LinkedHashMap<String, Double>();
        alone.put(
                "the brokers under the plain producer",
                used(beforeKafkaAnchor, stack.cpuTimes(), name -> name.startsWith(LocalStack.KAFKA)));
        var kafkaAnchor = new BenchReport.Anchor("Kafka producer, acks=all", n, kafkaSeconds);
        out.printf("Raw anchor: plain bulk requests into the scratch index %s ...%n", tag);
        var documents = payloads.stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
        var ids = keys.stream().map(key -> key.replaceAll("[^A-Za-z0-9-]", "_")).toList();
        var beforeBulkAnchor = stack.cpuTimes();
        var bulkSeconds = anchors.elasticsearch(tag, ids, documents);
        alone.put(
                "Elasticsearch under plain bulk requests",
                used(beforeBulkAnchor, stack.cpuTimes(), LocalStack.ELASTICSEARCH::equals));
        var bulkAnchor = new BenchReport.Anchor("Elasticsearch bulk + refresh", n, bulkSeconds);
        out.println("Raw anchor: the same articles enriched in process on one thread (./newsflow enrich-alone) ...");
        var enrichAlone = EnrichAlone.measure(home, documents);
        var enrichAnchor = enrichAlone.anchor();
        enrichAlone.cpuSeconds().ifPresent(seconds -> alone.put("enrichment alone (its process)", seconds));
        if (arguments.keep()) {
            notes.add("Kept (--keep): the scratch topic and index " + tag + ".");
        } else {
            anchors.deleteTopic(tag);
            anchors.deleteIndex(tag);
            notes.add("Deleted: the scratch topic and index " + tag + ".");
        }

        if (arguments.warmup() > 0) {
            // the anchor is timed after a pass over its articles; a pipeline timed from cold would be charged its
            // JIT compilation (in process, enrichment spent about twice the CPU on its first pass over 2,000 bench
            // articles as on its second)
            out.printf("Warm-up: %d articles through the pipeline, not measured ...%n", arguments.warmup());
            // a source of their own, so that the measured flows' probe never asks for them again
            var warmupSource = tag + "-warmup";
            var warmup = articles(templates, warmupSource, arguments.warmup(), warmupSource);
            flow(stack, loader, rawTopic, enrichedTopic, alias, warmupSource, warmup, UNPACED_RATE, out);
            notes.add("Measured after a warm-up of " + arguments.warmup() + " articles through the pipeline (the"
                    + " enrichment anchor is timed after a pass over its articles too), under the source `"
                    + warmupSource + "`.");
        }
        out.println("Pipeline at full speed: " + n + " articles into " + stack.ingest() + " ...");
        var cpuBefore = stack.cpuTimes();
        var max = flow(stack, loader, rawTopic, enrichedTopic, alias, tag, maxRun, UNPACED_RATE, out);
        var cpuAfter = stack.cpuTimes();
        var ack = max.acked.values();
        var stages = new ArrayList<BenchReport.Stage>();
        stages.add(stage("acknowledged by ingest", max.start, ack, Optional.of(kafkaAnchor)));
        stages.add(stage("on the raw topic", max.start, max.probe.raw.values(), Optional.of(kafkaAnchor)));
        stages.add(stage("on the enriched topic", max.start, max.probe.enriched.values(), Optional.of(enrichAnchor)));
        stages.add(stage("searchable", max.start, max.probe.searchable.values(), Optional.of(bulkAnchor)));
        var endToEnd = stage(
                "end to end (sent to searchable)",
                max.start,
                max.probe.searchable.values(),
                // the yardstick: the pipeline can be no faster than its slowest stage run alone
                Stream.of(kafkaAnchor, enrichAnchor, bulkAnchor)
                        .min(Comparator.comparingDouble(BenchReport.Anchor::rate))
                        .map(slowest -> new BenchReport.Anchor(
                                "the slowest: " + slowest.name(), slowest.count(), slowest.seconds())));
        stages.add(endToEnd);
        var cpu = cpu(cpuBefore, cpuAfter, endToEnd.count(), endToEnd.seconds(), alone);

        var rate = Math.max(1, (int) Math.floor(endToEnd.rate() / 2));
        var paced = articles(templates, tag + "-paced", Math.max(2, n / 2), tag);
        out.printf("Pipeline at half the end-to-end rate: %d articles at %d/s ...%n", paced.size(), rate);
        var half = flow(stack, loader, rawTopic, enrichedTopic, alias, tag, paced, rate, out);
        var latencies = new ArrayList<Long>();
        half.acked.forEach((id, at) -> Optional.ofNullable(half.probe.searchable.get(id))
                .ifPresent(seen -> latencies.add(Math.max(0, seen - at))));
        var latency = new BenchReport.Latency(rate, paced.size(), new Percentiles(latencies));

        out.printf("Search: %d concurrent clients for %s ...%n", arguments.clients(), arguments.searchFor());
        var search =
                SearchLoad.run(stack.search(), editor, queries(templates), arguments.clients(), arguments.searchFor());

        notes.add("The pipeline's articles stay searchable: neither ingest nor search has an API that deletes an"
                + " article. They carry the source `" + tag + "` (query: source:\"" + tag + "\").");
        notes.add("Stage times are counted from the first send; topic times are the records' timestamps, searchable"
                + " the first poll (every 100 ms, no forced refresh) that saw the article.");
        var file = stack.stateDir().resolve("reports").resolve("bench-" + stamp + ".md");
        var stageTimes = new LinkedHashMap<String, Collection<Long>>();
        stageTimes.put("acknowledged", max.acked.values());
        stageTimes.put("raw topic", max.probe.raw.values());
        stageTimes.put("enriched topic", max.probe.enriched.values());
        stageTimes.put("searchable", max.probe.searchable.values());
        try {
            Files.createDirectories(file.getParent());
            BenchCharts.throughput(file.resolveSibling("bench-" + stamp + "-throughput.png"), max.start, stageTimes);
            BenchCharts.latencyCdf(file.resolveSibling("bench-" + stamp + "-latency.png"), latency.millis(), rate);
            notes.add("Charts: bench-" + stamp + "-throughput.png (articles/s per stage over the full-speed flow),"
                    + " bench-" + stamp + "-latency.png (latency CDF), beside this report.");
        } catch (IOException | RuntimeException | LinkageError e) {
            // the figures stand without the charts
            notes.add("No charts: " + e);
        }
        var report = new BenchReport(stages, cpu, latency, search, loadBefore, loadAverage(), notes);
        out.println();
        out.print(report.table());
        write(file, report.markdown(stamp, "./newsflow bench " + args));
        out.println("Report: " + home.relativize(file));
    }

    /** What one flow measured: when it began, when each article was acknowledged, and what the probe saw. */
    private record Flow(long start, Map<String, Long> acked, PipelineProbe probe) {}

    private static Flow flow(
            LocalStack stack,
            Optional<String> key,
            String rawTopic,
            String enrichedTopic,
            String alias,
            String source,
            List<Item> articles,
            int rate,
            PrintStream out) {
        var acked = new ConcurrentHashMap<String, Long>();
        try (var probe = new PipelineProbe(
                stack.kafkaBootstrapServers(), rawTopic, enrichedTopic, stack.elasticsearch(), alias, source)) {
            var progress = new Progress(articles.size(), out);
            var stream = new ArticleStream(stack.ingest(), key, new PrintStream(OutputStream.nullOutputStream()));
            var start = System.currentTimeMillis();
            var report = stream.send(
                    articles,
                    rate,
                    (List<Acknowledged> batch) -> {
                        var now = System.currentTimeMillis();
                        batch.forEach(a -> acked.put(a.id(), now));
                        progress.show(acked.size(), count(probe.searchable, acked.keySet()));
                    },
                    () -> false);
            if (report.accepted() < articles.size()) {
                out.printf("%n  ingest accepted %d of %d: %s%n", report.accepted(), articles.size(), report.counts());
            }
            var bound = Duration.ofSeconds(120 + articles.size() / 5);
            Poll.until(
                    () -> {
                        var seen = count(probe.searchable, acked.keySet());
                        progress.show(acked.size(), seen);
                        return seen >= acked.size();
                    },
                    bound);
            progress.done();
            // raw/enriched/searchable of the other articles (the demo's, another run) are left out
            probe.raw.keySet().retainAll(acked.keySet());
            probe.enriched.keySet().retainAll(acked.keySet());
            probe.searchable.keySet().retainAll(acked.keySet());
            return new Flow(start, acked, probe);
        }
    }

    /**
     * Each process's CPU between two readings, over a flow of {@code articles} that took {@code seconds}, beside what
     * the anchors' processes took for the same articles.
     */
    static BenchReport.Cpu cpu(
            Map<String, Duration> before,
            Map<String, Duration> after,
            int articles,
            double seconds,
            Map<String, Double> alone) {
        var byProcess = new LinkedHashMap<String, Double>();
        after.keySet().forEach(name -> byProcess.put(name, used(before, after, name::equals)));
        return new BenchReport.Cpu(articles, seconds, Runtime.getRuntime().availableProcessors(), byProcess, alone);
    }

    /** The CPU seconds the named processes used between two readings. */
    static double used(Map<String, Duration> before, Map<String, Duration> after, Predicate<String> names) {
        var seconds = 0.0;
        for (var entry : after.entrySet()) {
            if (names.test(entry.getKey())) {
                var total = entry.getValue();
                var used = total.minus(before.getOrDefault(entry.getKey(), Duration.ZERO));
                // a process that restarted in between (or was not up before) is counted from zero
                seconds += (used.isNegative() ? total : used).toNanos() / 1e9;
            }
        }
        return seconds;
    }

    private static int count(Map<String, Long> seen, Collection<String> ids) {
        var n = 0;
        for (var id : ids) {
            if (seen.containsKey(id)) {
                n++;
            }
        }
        return n;
    }

    /** {@code times} (epoch ms) of the articles at a stage: how many, and the seconds from {@code start} to the last. */
    static BenchReport.Stage stage(
            String name, long start, Collection<Long> times, Optional<BenchReport.Anchor> anchor) {
        var last = times.stream().mapToLong(Long::longValue).max().orElse(start);
        return new BenchReport.Stage(name, times.size(), (last - start) / 1000.0, anchor);
    }

    /** The run's articles: copies of the templates, each of its own (GUID, title), under the run's source. */
    static List<Item> articles(List<Item> templates, String run, int count, String source) {
        var articles = ArticleStream.articles(templates, run, 0, count, Instant.now());
        articles.forEach(item -> item.article().putObject("source").put("name", source));
        return articles;
    }

    /** Words of the templates' titles, one query each. */
    static List<String> queries(List<Item> templates) {
        var queries = new ArrayList<String>();
        for (var template : templates) {
            for (var word : template.article().path("title").asString("").split("\\W+")) {
                if (word.length() >= 5 && queries.size() < 200) {
                    queries.add(word.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return queries.isEmpty() ? List.of("news") : queries;
    }

    /** The {@code count} of an answer of Elasticsearch's {@code _count}. */
    static long count(String answer) {
        var count = JSON.readTree(answer).path("count");
        if (!count.isIntegralNumber()) {
            throw new InfraException("Elasticsearch answered no count: " + answer);
        }
        return count.asLong();
    }

    private static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
