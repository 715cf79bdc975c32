package io.newsflow.enrich.lab.entities;

import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.lab.EnrichComponents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A harness for the whole extraction on one thread (sentences, tokens, name finder, merging) over the BBC articles:
 * articles per second, p99 time per article, and the heap the loaded models keep. Measured after a warm-up pass.
 *
 * <p>Usage: {@code EntityExtractionBenchmark <data-folder>}.
 */
final class EntityExtractionBenchmark {

    private EntityExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        var articles = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of(args[0]).resolve("bbc/articles"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                articles.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        long before = usedHeapAfterGc();
        var extractor = EnrichComponents.alone(EntityExtractor.class);
        long retained = usedHeapAfterGc() - before;

        run(extractor, articles);
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long[] nanos = run(extractor, articles);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long total = Arrays.stream(nanos).sum();
        Arrays.sort(nanos);
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        System.out.printf(
                Locale.ROOT,
                "%d articles: %.0f articles/s (wall), %.0f articles per CPU second, p99 %.1f ms per article (wall), "
                        + "models retain %.1f MB of heap%n",
                articles.size(),
                articles.size() * 1e9 / total,
                articles.size() * 1e9 / cpu,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                retained / 1e6);
    }

    private static long[] run(EntityExtractor extractor, List<String> articles) {
        long[] nanos = new long[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            long start = System.nanoTime();
            extractor.extract(articles.get(i), "en");
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
