package io.newsflow.infra.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of one bench run, as a terminal table and as the markdown report. */
record BenchReport(
        List<Stage> stages, Latency latency, Search search, String loadBefore, String loadAfter, List<String> notes) {

    /** A stage's sustained rate: {@code count} articles reached it within {@code seconds} of the first send. */
    record Stage(String name, int count, double seconds, Optional<Anchor> anchor) {

        double rate() {
            return seconds <= 0 ? 0 : count / seconds;
        }

        /** The stage's rate as a share of the anchor's, the plain client doing the same writes. */
        Optional<Double> ratio() {
            return anchor.filter(a -> a.rate() > 0).map(a -> rate() / a.rate());
        }
    }

    /** A raw anchor: the same payloads written by a plain client, in the same run. */
    record Anchor(String name, int count, double seconds) {
        double rate() {
            return seconds <= 0 ? 0 : count / seconds;
        }
    }

    /** Acknowledged to searchable at a paced rate. */
    record Latency(double rate, int sent, Percentiles millis) {}

    /** Concurrent searches. */
    record Search(int clients, int requests, int errors, double seconds, Percentiles millis) {
        double rate() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }

    String table() {
        var out = new StringBuilder();
        out.append("| Stage | Articles | Seconds | Articles/s | Raw anchor | Anchor/s | Ratio |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|\n");
        for (var stage : stages) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %s | %s | %s |%n",
                    stage.name(),
                    stage.count(),
                    stage.seconds(),
                    stage.rate(),
                    stage.anchor().map(Anchor::name).orElse("-"),
                    stage.anchor()
                            .map(a -> String.format(Locale.ROOT, "%.1f", a.rate()))
                            .orElse("-"),
                    stage.ratio()
                            .map(r -> String.format(Locale.ROOT, "%.3f", r))
                            .orElse("-")));
        }
        out.append('\n');
        var l = latency.millis();
        out.append(String.format(
                Locale.ROOT,
                "Acknowledged to searchable at %.1f articles/s (%d sent, %d measured): p50 %d ms, p95 %d ms, p99 %d ms%n",
                latency.rate(),
                latency.sent(),
                l.size(),
                l.at(50),
                l.at(95),
                l.at(99)));
        var s = search.millis();
        out.append(String.format(
                Locale.ROOT,
                "Search, %d concurrent clients: %d requests in %.1f s (%.1f/s), %d errors; p50 %d ms, p95 %d ms%n",
                search.clients(),
                search.requests(),
                search.seconds(),
                search.rate(),
                search.errors(),
                s.at(50),
                s.at(95)));
        return out.toString();
    }

    String markdown(String stamp, String command) {
        var out = new StringBuilder();
        out.append("# Newsflow end-to-end benchmark ").append(stamp).append("\n\n");
        out.append("Command: `").append(command).append("`\n\n");
        out.append("Load average (1, 5, 15 min) before: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append("\n\n");
        out.append(table());
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }
}
