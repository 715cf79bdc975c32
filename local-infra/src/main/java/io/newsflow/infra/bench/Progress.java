package io.newsflow.infra.bench;

import java.io.PrintStream;

/** A one-line progress bar, redrawn in place: acknowledged and searchable of the flow's articles. */
final class Progress {

    static final int WIDTH = 30;

    private final int total;
    private final PrintStream out;
    private String last = "";

    Progress(int total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    synchronized void show(int acknowledged, int searchable) {
        var line = line(total, acknowledged, searchable);
        if (!line.equals(last)) {
            last = line;
            out.print("\r" + line);
            out.flush();
        }
    }

    synchronized void done() {
        out.println();
    }

    /** {@code #} searchable, {@code +} acknowledged only, {@code .} not yet sent. */
    static String line(int total, int acknowledged, int searchable) {
        var searchableCells = cells(searchable, total);
        var ackCells = Math.max(searchableCells, cells(acknowledged, total));
        return "  [" + "#".repeat(searchableCells) + "+".repeat(ackCells - searchableCells)
                + ".".repeat(WIDTH - ackCells) + "] " + acknowledged + "/" + total + " acknowledged, " + searchable
                + " searchable";
    }

    private static int cells(int n, int total) {
        return total == 0 ? WIDTH : Math.min(WIDTH, (int) ((long) n * WIDTH / total));
    }
}
