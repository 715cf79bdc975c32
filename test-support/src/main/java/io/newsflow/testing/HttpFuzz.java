package io.newsflow.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Sends generated requests to a started service over real HTTP, a few at a time, and counts the answers by status: the
 * fuzz tests assert that none is a 5xx and that none took longer than its bound. How many inputs: the system property
 * {@value #INPUTS_PROPERTY} (10,000 by default; more for a long run by hand).
 */
public final class HttpFuzz {

    public static final String INPUTS_PROPERTY = "newsflow.fuzz.inputs";

    /** What a run saw. */
    public record Report(
            String target,
            long inputs,
            Map<Integer, Long> statuses,
            long fiveHundreds,
            Duration slowest,
            long heapGrowthBytes) {

        @Override
        public String toString() {
            return "fuzz target=%s inputs=%d 5xx=%d slowest=%dms heapGrowth=%dMB statuses=%s"
                    .formatted(target, inputs, fiveHundreds, slowest.toMillis(), heapGrowthBytes >> 20, statuses);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public HttpFuzz(int port) {
        this.port = port;
    }

    public static long inputs() {
        return Long.getLong(INPUTS_PROPERTY, 10_000);
    }

    /** Sends each request of the stream (built from the service's base URI), at most {@code parallel} at once. */
    public Report run(String target, Stream<Function<URI, HttpRequest>> requests, int parallel) {
        var base = URI.create("http://127.0.0.1:" + port);
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var slowest = new AtomicLong();
        var sent = new AtomicLong();
        var heapBefore = usedHeapAfterGc();
        try (var pool = Executors.newFixedThreadPool(parallel)) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            requests.forEach(request -> futures.add(pool.submit(() -> {
                var started = System.nanoTime();
                var status = send(request.apply(base));
                slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                statuses.computeIfAbsent(status, ignored -> new AtomicLong()).incrementAndGet();
                sent.incrementAndGet();
            })));
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A fuzz request failed outright", e.getCause());
        }
        var counted = new TreeMap<Integer, Long>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        var report = new Report(
                target,
                sent.get(),
                counted,
                counted.entrySet().stream()
                        .filter(e -> e.getKey() >= 500)
                        .mapToLong(Map.Entry::getValue)
                        .sum(),
                Duration.ofNanos(slowest.get()),
                usedHeapAfterGc() - heapBefore);
        System.out.println(report);
        return report;
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("No answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
