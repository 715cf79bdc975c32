package io.newsflow.infra.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What became of a load: the count of each outcome, the ids ingest gave, the rejected items and the bad files. */
public final class LoadReport {

    /** An article or file that was not loaded, and why. */
    public record Failure(String origin, String reason) {}

    private int accepted;
    private int updated;
    private int duplicates;
    private final List<Failure> rejected = new ArrayList<>();
    private final List<Failure> unreadable = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();

    /** Both reports as one. */
    static LoadReport merge(LoadReport first, LoadReport second) {
        var merged = new LoadReport();
        for (var report : List.of(first, second)) {
            merged.accepted += report.accepted;
            merged.updated += report.updated;
            merged.duplicates += report.duplicates;
            merged.rejected.addAll(report.rejected);
            merged.unreadable.addAll(report.unreadable);
            merged.skipped.addAll(report.skipped);
            merged.ids.addAll(report.ids);
        }
        return merged;
    }

    void add(Item item, IngestClient.Outcome outcome) {
        outcome.id().ifPresent(ids::add);
        switch (outcome.outcome()) {
            case "accepted" -> accepted++;
            case "updated" -> updated++;
            case "duplicate" -> duplicates++;
            default ->
                rejected.add(new Failure(item.origin(), outcome.reason().orElse("rejected as " + outcome.outcome())));
        }
    }

    void unreadable(ArticleReader.Problem problem) {
        unreadable.add(new Failure(problem.origin(), problem.message()));
    }

    void skipped(List<String> files) {
        skipped.addAll(files);
    }

    public int accepted() {
        return accepted;
    }

    public int updated() {
        return updated;
    }

    public int duplicates() {
        return duplicates;
    }

    public List<Failure> rejected() {
        return List.copyOf(rejected);
    }

    /** Files, or lines of them, that could not be read as articles. */
    public List<Failure> unreadable() {
        return List.copyOf(unreadable);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The ids of every article ingest has now: accepted, updated and duplicates. */
    public Set<String> ids() {
        return Set.copyOf(ids);
    }

    public int sent() {
        return accepted + updated + duplicates + rejected.size();
    }

    /** True when every article was read and none was rejected. */
    public boolean clean() {
        return rejected.isEmpty() && unreadable.isEmpty();
    }

    public String counts() {
        return accepted + " accepted, " + updated + " updated, " + duplicates + " duplicate"
                + (duplicates == 1 ? "" : "s") + ", " + rejected.size() + " rejected";
    }

    void print(PrintStream out) {
        out.println("Sent " + sent() + " article" + (sent() == 1 ? "" : "s") + " to ingest: " + counts() + ".");
        if (!rejected.isEmpty()) {
            out.println("Rejected by ingest:");
            rejected.forEach(failure -> out.println("  " + failure.origin() + ": " + failure.reason()));
        }
        if (!unreadable.isEmpty()) {
            out.println("Not loaded (could not be read):");
            unreadable.forEach(failure -> out.println("  " + failure.origin() + ": " + failure.reason()));
        }
        if (!skipped.isEmpty()) {
            out.println(
                    "Skipped " + skipped.size() + (skipped.size() == 1 ? " file that is not " : " files that are not ")
                            + ArticleReader.Kind.EXTENSIONS + ": " + String.join(", ", skipped));
        }
    }
}
