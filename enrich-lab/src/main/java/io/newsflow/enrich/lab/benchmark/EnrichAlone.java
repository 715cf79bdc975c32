package io.newsflow.enrich.lab.benchmark;

import com.sun.management.OperatingSystemMXBean;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.pipeline.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end benchmark's enrichment anchor ({@code ./newsflow enrich-alone <articles.ndjson>}): the same articles
 * enriched in process on one thread, as the service's one consumer thread does ({@code newsflow.enrich.concurrency}
 * 1), with no Kafka in between. Prints one line, {@code ENRICH-ALONE <articles> <seconds> <cpu seconds>}, after a
 * warm-up pass over all of them: the service it is set against has run for a while, and after a warm-up over a tenth
 * the measured pass still spent more than half again the service's CPU per article, the JIT compiling what it ran.
 * The CPU seconds are the whole process's over the measured pass (GC and JIT included), as the bench counts the
 * service's.
 */
public final class EnrichAlone {

    private EnrichAlone() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ./newsflow enrich-alone <articles.ndjson> (ingest's push format, one a line)");
            System.exit(2);
        }
        var json = JsonMapper.builder().build();
        List<ArticleIngested> articles = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(json::readTree)
                .map(node -> ArticleIngested.of(
                        node.path("guid").asString(node.path("title").asString()),
                        1,
                        Instant.now(),
                        "sha256:bench",
                        Source.pushed(node.path("source").path("name").asString("bench"), "bench.invalid"),
                        // the declared language too: the service takes it over detection
                        new Article(
                                node.path("title").asString(),
                                node.path("body").asString(node.path("summary").asString("")),
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                node.path("language").asString(null),
                                List.of(),
                                null)))
                .toList();
        var enricher = EnrichComponents.get(Enricher.class);
        articles.forEach(enricher::enrich);
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var cpuStarted = os.getProcessCpuTime();
        var started = System.nanoTime();
        articles.forEach(enricher::enrich);
        System.out.printf(
                Locale.ROOT,
                "ENRICH-ALONE %d %.3f %.3f%n",
                articles.size(),
                (System.nanoTime() - started) / 1e9,
                (os.getProcessCpuTime() - cpuStarted) / 1e9);
    }
}
