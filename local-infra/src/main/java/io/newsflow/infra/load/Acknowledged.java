package io.newsflow.infra.load;

import java.util.ArrayList;
import java.util.List;

/**
 * An article ingest acknowledged with 202, at the revision it answered: one line {@code id TAB revision} of an
 * acknowledged-ids file, the ground truth a run is checked against. A line with the id alone (older files) means
 * revision 1.
 */
public record Acknowledged(String id, long revision) {

    public String line() {
        return id + "\t" + revision;
    }

    /** The lines of an acknowledged-ids file; blank lines are skipped. */
    public static List<Acknowledged> parse(List<String> lines) {
        var acknowledged = new ArrayList<Acknowledged>(lines.size());
        for (var line : lines) {
            var fields = line.strip().split("\t");
            if (fields[0].isEmpty()) {
                continue;
            }
            try {
                acknowledged.add(
                        new Acknowledged(fields[0], fields.length > 1 ? Long.parseLong(fields[1].strip()) : 1));
            } catch (NumberFormatException e) {
                throw new LoadException("Not an acknowledged article (id TAB revision): " + line);
            }
        }
        return acknowledged;
    }
}
