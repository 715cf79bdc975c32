package io.newsflow.infra.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads files and folders of articles into a running ingest service through its batch endpoint, printing a line per
 * batch and returning what became of each article. Batches stay well inside ingest's limits (1,000 items, 10 MB).
 */
public final class ArticleLoader {

    static final int MAX_BATCH_ITEMS = 500;
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    private final JsonMapper json = JsonMapper.builder().build();
    private final IngestClient ingest;
    private final PrintStream out;

    /** @param key the API key sent to ingest (articles:write, and feeds:manage to register feeds) */
    public ArticleLoader(URI ingest, Optional<String> key, PrintStream out) {
        this.ingest = new IngestClient(ingest, key, json);
        this.out = out;
    }

    /**
     * @param source the source name of {@code .txt} articles; the name of their folder when empty
     */
    public LoadReport load(List<Path> paths, Optional<String> source) {
        return load(paths, source, UnaryOperator.identity());
    }

    /** As {@link #load(List, Optional)}, each item changed by {@code change} (all of them at once) before it is sent. */
    LoadReport load(List<Path> paths, Optional<String> source, UnaryOperator<List<Item>> change) {
        var read = new ArticleReader(json, source).read(paths);
        var report = new LoadReport();
        read.problems().forEach(report::unreadable);
        report.skipped(read.skipped());
        send(change.apply(read.items()), report);
        return report;
    }

    JsonMapper json() {
        return json;
    }

    private void send(List<Item> items, LoadReport report) {
        if (items.isEmpty()) {
            return;
        }
        out.println("Loading " + items.size() + " article" + (items.size() == 1 ? "" : "s") + " into " + ingest.uri()
                + " ...");
        for (var batch : batches(items)) {
            var outcomes = ingest.submit(batch);
            for (var i = 0; i < batch.size(); i++) {
                report.add(batch.get(i), outcomes.get(i));
            }
            out.printf("  %d/%d sent: %s%n", report.sent(), items.size(), report.counts());
        }
    }

    private List<List<Item>> batches(List<Item> items) {
        var batches = new ArrayList<List<Item>>();
        var batch = new ArrayList<Item>();
        var bytes = 0L;
        for (var item : items) {
            var size = json.writeValueAsBytes(item.article()).length + 1L;
            if (!batch.isEmpty() && (batch.size() == MAX_BATCH_ITEMS || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(item);
            bytes += size;
        }
        batches.add(batch);
        return batches;
    }

    /** Registers a feed with ingest, which polls it from then on; prints its id. */
    public void registerFeed(URI feed, Optional<String> source, Optional<String> pollInterval) {
        var registered = ingest.registerFeed(feed, source, pollInterval);
        var interval = registered.body().path("pollInterval");
        out.println((registered.status() == 201 ? "Registered the feed " : "The feed was already registered: ")
                + feed + " (id " + registered.id() + "). Ingest polls it"
                + (interval.isString() ? " every " + interval.asString() : "") + "; its status: curl "
                + ingest.uri().resolve("/api/v1/feeds/" + registered.id()));
    }
}
