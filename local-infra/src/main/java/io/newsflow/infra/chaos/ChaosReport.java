package io.newsflow.infra.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The results as a fixed-width table for the terminal and as markdown for {@code .newsflow/reports/}. */
final class ChaosReport {

    static final List<String> COLUMNS = List.of(
            "scenario",
            "acknowledged",
            "refused",
            "searchable",
            "lost",
            "duplicated",
            "regressed",
            "dead-lettered",
            "fault",
            "recovered in",
            "result");

    private final List<ScenarioResult> results;

    ChaosReport(List<ScenarioResult> results) {
        this.results = List.copyOf(results);
    }

    boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    List<List<String>> rows() {
        var rows = new ArrayList<List<String>>();
        for (var result : results) {
            var audit = result.audit();
            rows.add(List.of(
                    result.scenario().id(),
                    audit.acknowledged() + " (" + audit.revised() + " revised)",
                    Integer.toString(result.refused()),
                    Integer.toString(audit.searchable()),
                    Integer.toString(audit.lost().size()),
                    Integer.toString(audit.duplicated().size()),
                    Integer.toString(audit.regressed().size()),
                    result.pills().produced() > 0
                            ? result.deadLettered() + " (pills "
                                    + result.pills().deadLettered() + "/"
                                    + result.pills().produced() + ")"
                            : Integer.toString(result.deadLettered()),
                    seconds(result.fault()),
                    result.recovery().map(ChaosReport::seconds).orElse("no"),
                    result.passed() ? "pass" : "FAIL"));
        }
        return rows;
    }

    String table() {
        var rows = rows();
        var widths = new int[COLUMNS.size()];
        for (var i = 0; i < widths.length; i++) {
            widths[i] = COLUMNS.get(i).length();
            for (var row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        var table = new StringBuilder();
        table.append(line(COLUMNS, widths));
        for (var row : rows) {
            table.append(line(row, widths));
        }
        for (var result : results) {
            for (var failure : result.failures()) {
                table.append(result.scenario().id())
                        .append(": ")
                        .append(failure)
                        .append('\n');
            }
            for (var note : result.notes()) {
                table.append(result.scenario().id()).append(": ").append(note).append('\n');
            }
        }
        return table.toString();
    }

    String markdown(Instant at, String command) {
        var md = new StringBuilder();
        md.append("# Chaos run ").append(at).append("\n\n");
        md.append("`").append(command).append("`\n\n");
        md.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        md.append("|").append(" --- |".repeat(COLUMNS.size())).append('\n');
        for (var row : rows()) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append('\n');
        for (var result : results) {
            md.append("- **").append(result.scenario().id()).append("**: ");
            md.append(result.scenario().description()).append('.');
            for (var failure : result.failures()) {
                md.append(" FAILED: ").append(failure).append('.');
            }
            for (var note : result.notes()) {
                md.append(' ').append(note).append('.');
            }
            md.append('\n');
        }
        md.append(
                """

                acknowledged: articles ingest answered with 202 (the acknowledged-ids file), revisions included; \
                refused: articles of batches it did not acknowledge; lost: acknowledged, not searchable; regressed: \
                searchable at an older revision than the newest acknowledged; dead-lettered: acknowledged articles \
                on a dead-letter topic; fault: how long the fault lasted (a kill: until the process was healthy \
                again); recovered in: from the end of the fault until every article acknowledged before it was \
                searchable at its newest revision.
                """);
        return md.toString();
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String line(List<String> cells, int[] widths) {
        var line = new StringBuilder();
        for (var i = 0; i < cells.size(); i++) {
            var cell = cells.get(i);
            // numbers right-aligned, the scenario and the result left
            var left = i == 0 || i == cells.size() - 1;
            line.append(String.format("%" + (left ? "-" : "") + widths[i] + "s", cell));
            line.append(i == cells.size() - 1 ? "" : "  ");
        }
        return line.toString().stripTrailing() + "\n";
    }
}
