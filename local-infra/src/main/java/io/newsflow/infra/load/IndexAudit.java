package io.newsflow.infra.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index holds of a run against what ingest acknowledged. Each article is expected once, at the newest revision
 * it was acknowledged at:
 *
 * <ul>
 *   <li>searchable: in the index (once counted, whatever its revision);
 *   <li>lost: acknowledged, not in the index;
 *   <li>regressed: in the index at an older revision than one acknowledged later (an older write won over a newer);
 *   <li>duplicated: one id acknowledged twice at the same revision (two articles taken for one, or a repeat taken for
 *       new), a second document of one article, or a version other than the revision;
 *   <li>unacknowledged: in the index, never acknowledged, or at a newer revision than acknowledged: a request that
 *       failed after ingest had written it (a 503 or a timeout promises nothing either way), or an id that collides.
 * </ul>
 */
public final class IndexAudit {

    private final int acknowledged;
    private final Map<String, Long> newest = new LinkedHashMap<>();
    private final Set<String> searchable = new LinkedHashSet<>();
    private final List<String> lost = new ArrayList<>();
    private final List<String> duplicated = new ArrayList<>();
    private final List<String> regressed = new ArrayList<>();
    private final List<String> unacknowledged = new ArrayList<>();

    private IndexAudit(List<Acknowledged> acknowledged, List<IndexedArticles.Indexed> indexed) {
        this.acknowledged = acknowledged.size();
        var seen = new HashMap<Acknowledged, Integer>();
        for (var article : acknowledged) {
            newest.merge(article.id(), article.revision(), Math::max);
            if (seen.merge(article, 1, Integer::sum) == 2) {
                duplicated.add(article.id() + ": acknowledged for two articles"
                        + (article.revision() == 1 ? "" : " at revision " + article.revision()));
            }
        }
        var copies = new HashMap<String, Integer>();
        for (var document : indexed) {
            var id = document.articleId();
            var expected = newest.get(id);
            if (expected == null) {
                unacknowledged.add(document.documentId() + ": in the index, never acknowledged");
                continue;
            }
            if (copies.merge(id, 1, Integer::sum) > 1) {
                duplicated.add(id + ": a further document " + document.documentId());
                continue;
            }
            searchable.add(id);
            var found = id + ": revision " + document.revision() + ", version " + document.version() + " instead of "
                    + expected;
            if (document.revision() < expected) {
                regressed.add(found);
            } else if (document.revision() > expected && document.version() == document.revision()) {
                // a newer revision whose request failed after ingest had written it
                unacknowledged.add(found);
            } else if (document.revision() != expected || document.version() != expected) {
                duplicated.add(found);
            }
        }
        newest.keySet().stream().filter(id -> !searchable.contains(id)).forEach(lost::add);
    }

    /**
     * @param acknowledged what ingest answered with 202, in the order it was sent
     * @param indexed every document of the run in the index
     */
    public static IndexAudit of(List<Acknowledged> acknowledged, List<IndexedArticles.Indexed> indexed) {
        return new IndexAudit(acknowledged, indexed);
    }

    /** Acknowledgements, counting each revision of an article. */
    public int acknowledged() {
        return acknowledged;
    }

    /** Distinct articles acknowledged. */
    public int articles() {
        return newest.size();
    }

    public int searchable() {
        return searchable.size();
    }

    /** Articles searchable at the newest revision acknowledged. */
    public boolean complete() {
        return lost.isEmpty() && regressed.isEmpty();
    }

    public List<String> lost() {
        return List.copyOf(lost);
    }

    public List<String> duplicated() {
        return List.copyOf(duplicated);
    }

    public List<String> regressed() {
        return List.copyOf(regressed);
    }

    public List<String> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    /** The ids whose newest acknowledged revision is above 1: articles sent again with changed content. */
    public long revised() {
        return newest.values().stream().filter(revision -> revision > 1).count();
    }
}
