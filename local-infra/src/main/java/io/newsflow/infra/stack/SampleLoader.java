package io.newsflow.infra.stack;

import io.newsflow.infra.HttpProbe;
import io.newsflow.infra.Poll;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Posts {@code samples/*.json} to the ingest service and waits until the search service finds each accepted one. */
final class SampleLoader {

    private static final Pattern ARTICLE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final PrintStream out;

    SampleLoader(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void load() {
        Path samples = settings.home().resolve("samples");
        List<Path> files;
        try (Stream<Path> list = Files.list(samples)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            out.println("No samples to load (" + samples + " not found).");
            return;
        }
        URI articles = URI.create("http://127.0.0.1:" + settings.ingestPort() + "/api/v1/articles");
        out.println("Loading " + files.size() + " samples into " + articles);
        List<String> accepted = new ArrayList<>();
        for (Path file : files) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(articles)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                out.printf("  %s -> %d %s%n", settings.relative(file), response.statusCode(), response.body());
                Matcher id = ARTICLE_ID.matcher(response.body());
                if (response.statusCode() == 202 && id.find()) {
                    accepted.add(id.group(1));
                }
            } catch (IOException e) {
                out.printf("  %s -> failed: %s%n", settings.relative(file), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        awaitSearchable(accepted);
    }

    /**
     * Returns once every accepted sample can be found through the search service: the user's first search right after
     * {@code up} then already sees them, instead of racing the enrich and index steps.
     */
    private void awaitSearchable(List<String> ids) {
        List<String> pending = new ArrayList<>(ids);
        boolean searchable = Poll.until(
                () -> {
                    pending.removeIf(id -> HttpProbe.ok(
                            URI.create("http://127.0.0.1:" + settings.searchPort() + "/api/v1/articles/" + id)));
                    return pending.isEmpty();
                },
                SEARCHABLE_TIMEOUT);
        if (searchable) {
            out.println("  " + ids.size() + " samples searchable.");
        } else {
            out.println("  Samples not searchable yet after " + SEARCHABLE_TIMEOUT.toSeconds()
                    + " s: see the enrich and search logs.");
        }
    }
}
