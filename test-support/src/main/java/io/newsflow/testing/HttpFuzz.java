package io.newsflow.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Sends generated requests to a started service over real HTTP, a few at a time, and counts the answers by status: the
 * fuzz tests assert that none is a 5xx and that none took longer than its bound. How many inputs: the system property
 * {@value #INPUTS_PROPERTY} (10,000 by default; more for a long run by hand). Which inputs: {@link #sample} draws them
 * from a seed, {@value #SEED_PROPERTY} ({@value #DEFAULT_SEED} by default, so that a red build is the code's doing and
 * can be replayed; {@code random} for a long run that looks further), and the report names the seed and the first
 * requests that answered 5xx.
 */
public final class HttpFuzz {

    public static final String INPUTS_PROPERTY = "newsflow.fuzz.inputs";
    public static final String SEED_PROPERTY = "newsflow.fuzz.seed";
    static final long DEFAULT_SEED = 20261201L;
    private static final int FAILURES_KEPT = 5;
    // jqwik's size parameter: how large generated strings and lists may grow
    private static final int GENERATION_SIZE = 1_000;

    /** What a run saw. */
    public record Report(
            String target,
            long inputs,
            Map<Integer, Long> statuses,
            long fiveHundreds,
            List<String> firstFailures,
            Duration slowest,
            long heapGrowthBytes) {

        @Override
        public String toString() {
            return "fuzz target=%s seed=%d inputs=%d 5xx=%d slowest=%dms heapGrowth=%dMB statuses=%s%s"
                    .formatted(
                            target,
                            seed(),
                            inputs,
                            fiveHundreds,
                            slowest.toMillis(),
                            heapGrowthBytes >> 20,
                            statuses,
                            firstFailures.isEmpty() ? "" : " first 5xx=" + firstFailures);
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

    /** The seed of this run: {@value #SEED_PROPERTY}, a number or {@code random}. */
    public static long seed() {
        return SEED;
    }

    // read once, so that a random seed is the same for every target of the run and the report can name it
    private static final long SEED = readSeed();

    private static long readSeed() {
        var value = System.getProperty(SEED_PROPERTY, String.valueOf(DEFAULT_SEED));
        return value.equals("random") ? new Random().nextLong() : Long.parseLong(value);
    }

    /** {@link #inputs()} values of the arbitrary, drawn from {@link #seed()}: the same run each time for one seed. */
    public static <T> Stream<T> sample(Arbitrary<T> arbitrary) {
        // jqwik generates only inside a session (or a property); drawn up front, the inputs leave it closed
        JqwikSession.start();
        try {
            var random = new Random(seed());
            var generator = arbitrary.generator(GENERATION_SIZE);
            return Stream.generate(() -> generator.next(random).value()).limit(inputs()).toList().stream();
        } finally {
            JqwikSession.finish();
        }
    }

    /** Sends each request of the stream (built from the service's base URI), at most {@code parallel} at once. */
    public Report run(String target, Stream<Function<URI, HttpRequest>> requests, int parallel) {
        var base = URI.create("http://127.0.0.1:" + port);
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var failures = new ConcurrentLinkedQueue<String>();
        var slowest = new AtomicLong();
        var sent = new AtomicLong();
        var heapBefore = usedHeapAfterGc();
        try (var pool = Executors.newFixedThreadPool(parallel)) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            requests.forEach(request -> futures.add(pool.submit(() -> {
                var started = System.nanoTime();
                var sending = request.apply(base);
                var status = send(sending);
                if (status >= 500 && failures.size() < FAILURES_KEPT) {
                    failures.add(sending.method() + " " + sending.uri());
                }
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
                List.copyOf(failures),
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
