package io.newsflow.infra.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The figures of one bench run, as a terminal table and as the markdown report. */
record BenchReport(
        List<Stage> stages,
        Cpu cpu,
        Latency latency,
        Search search,
        String loadBefore,
        String loadAfter,
        List<String> notes) {

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

    /**
     * Where the full-speed flow's CPU went: each process's CPU seconds over the flow (first send to last searchable),
     * beside the CPU seconds the anchors' processes took for the same articles ({@code alone}).
     */
    record Cpu(int articles, double seconds, int cores, Map<String, Double> byProcess, Map<String, Double> alone) {

        double total() {
            return byProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double millisPerArticle(double cpuSeconds) {
            return articles == 0 ? 0 : 1000 * cpuSeconds / articles;
        }

        /** The end-to-end rate the machine's cores would allow if the stack's processes used all of them. */
        double boundRate() {
            return total() <= 0 ? 0 : cores * articles / total();
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
        out.append(String.format(
                Locale.ROOT,
                "CPU over the full-speed flow (%d articles, %.1f s, %d cores):%n%n",
                cpu.articles(),
                cpu.seconds(),
                cpu.cores()));
        out.append("| Process | CPU seconds | CPU ms per article | Share of the machine |\n");
        out.append("|---|---:|---:|---:|\n");
        cpu.byProcess().forEach((name, seconds) -> out.append(cpuRow(name, seconds)));
        out.append(cpuRow("all", cpu.total()));
        out.append(String.format(
                Locale.ROOT,
                "%nAt %.1f CPU ms per article in all, %d cores allow at most %.1f articles/s end to end.",
                cpu.millisPerArticle(cpu.total()),
                cpu.cores(),
                cpu.boundRate()));
        if (!cpu.alone().isEmpty()) {
            out.append(" The same articles, in CPU ms per article: ");
            out.append(String.join(
                    "; ",
                    cpu.alone().entrySet().stream()
                            .map(entry -> String.format(
                                    Locale.ROOT, "%s %.2f", entry.getKey(), cpu.millisPerArticle(entry.getValue())))
                            .toList()));
            out.append('.');
        }
        out.append("\n\n");
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

    private String cpuRow(String name, double seconds) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.2f | %.0f%% |%n",
                name,
                seconds,
                cpu.millisPerArticle(seconds),
                cpu.seconds() <= 0 ? 0 : 100 * seconds / (cpu.seconds() * cpu.cores()));
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
