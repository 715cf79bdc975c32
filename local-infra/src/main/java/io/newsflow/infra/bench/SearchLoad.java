package io.newsflow.infra.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code clients} threads searching {@code /api/v1/search} back to back for a while, each request timed. */
final class SearchLoad {

    private SearchLoad() {}

    static BenchReport.Search run(URI search, String key, List<String> queries, int clients, Duration duration) {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var deadline = System.nanoTime() + duration.toNanos();
        var threads = new ArrayList<Thread>();
        var started = System.nanoTime();
        for (var c = 0; c < clients; c++) {
            var offset = c;
            threads.add(Thread.ofPlatform().name("bench-search-" + c).start(() -> {
                for (var n = offset; System.nanoTime() < deadline; n += clients) {
                    var q = queries.get(n % queries.size());
                    var request = HttpRequest.newBuilder(
                                    search.resolve("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(30))
                            .header("X-Api-Key", key)
                            .GET()
                            .build();
                    var before = System.nanoTime();
                    try {
                        var response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            latencies.add((System.nanoTime() - before) / 1_000_000);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        return new BenchReport.Search(clients, latencies.size(), errors.get(), seconds, new Percentiles(latencies));
    }
}
