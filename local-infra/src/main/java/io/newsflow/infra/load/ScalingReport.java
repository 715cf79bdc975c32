package io.newsflow.infra.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a scaling run left in the index against what ingest acknowledged: searchable, lost (acknowledged, never
 * indexed) and duplicated (a second document of one article, a document nobody acknowledged, an id acknowledged for two
 * articles, or an article indexed at another revision than its first: taken for an update, so sent twice); and the
 * work each instance did. Instances that take over a killed one's partitions process its uncommitted records again, so
 * their work adds up to more than was sent; the index must not show it.
 */
final class ScalingReport {

    /** Records one instance processed: {@code what} names the step ({@code enriched}, {@code indexed}). */
    record Work(String instance, String what, long count, String note) {}

    /** Every article of the run is new, so ingest gives each revision 1 and search indexes it at version 1. */
    static final long FIRST_REVISION = 1;

    private static final int EXAMPLES = 5;

    private final int acknowledged;
    private final int searchable;
    private final List<String> lost;
    private final List<String> duplicated = new ArrayList<>();
    private final List<Work> work;

    private ScalingReport(List<String> acknowledged, List<IndexedArticles.Indexed> indexed, List<Work> work) {
        this.acknowledged = acknowledged.size();
        this.work = List.copyOf(work);
        var audit = IndexAudit.of(
                acknowledged.stream()
                        .map(id -> new Acknowledged(id, FIRST_REVISION))
                        .toList(),
                indexed);
        this.searchable = audit.searchable();
        this.lost = audit.lost();
        // every article is new here: one in the index that nobody acknowledged, or at another revision, was sent twice
        duplicated.addAll(audit.duplicated());
        duplicated.addAll(audit.unacknowledged());
        duplicated.addAll(audit.regressed());
    }

    /**
     * @param acknowledged the ids ingest answered with 202, one per article sent, in the order they were sent
     * @param indexed every document of the run's source in the index
     */
    static ScalingReport of(List<String> acknowledged, List<IndexedArticles.Indexed> indexed, List<Work> work) {
        return new ScalingReport(acknowledged, indexed, work);
    }

    int sent() {
        return acknowledged;
    }

    int searchable() {
        return searchable;
    }

    List<String> lost() {
        return List.copyOf(lost);
    }

    List<String> duplicated() {
        return List.copyOf(duplicated);
    }

    /** Nothing lost, nothing duplicated, and something was sent at all. */
    boolean clean() {
        return acknowledged > 0 && lost.isEmpty() && duplicated.isEmpty();
    }

    void print(PrintStream out) {
        out.printf("  sent         %6d  (acknowledged by ingest with 202)%n", acknowledged);
        out.printf("  searchable   %6d%n", searchable);
        out.printf("  lost         %6d%s%n", lost.size(), examples(lost));
        out.printf(
                "  duplicated   %6d%s%n",
                duplicated.size(),
                duplicated.isEmpty()
                        ? "  (each article once in the index, at revision and version " + FIRST_REVISION + ")"
                        : examples(duplicated));
        if (work.isEmpty()) {
            return;
        }
        out.println("Work per instance:");
        var width = work.stream().mapToInt(w -> w.instance().length()).max().orElse(0);
        var totals = new LinkedHashMap<String, Long>();
        for (var w : work) {
            out.printf(
                    "  %-" + width + "s  %-8s %6d%s%n",
                    w.instance(),
                    w.what(),
                    w.count(),
                    w.note().isBlank() ? "" : "  " + w.note());
            totals.merge(w.what(), w.count(), Long::sum);
        }
        totals.forEach((what, total) ->
                out.printf("  %s in all: %d for %d articles sent%s%n", what, total, acknowledged, again(total)));
    }

    private String again(long total) {
        var extra = total - acknowledged;
        return extra > 0
                ? " (" + extra + " processed again by the instances that took over uncommitted records; the index"
                        + " holds each article once)"
                : "";
    }

    private static String examples(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        var shown = items.subList(0, Math.min(EXAMPLES, items.size()));
        return "  e.g. " + String.join("; ", shown) + (items.size() > EXAMPLES ? "; ..." : "");
    }
}
