package io.newsflow.search.stories;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/** Follows the pointers of merged stories to the story that survived. */
final class Pointers {

    // a chain grows by one for each merge of a merged story: a few steps in practice
    private static final int MAX_STEPS = 8;

    private Pointers() {}

    /** The surviving story of each of the given ones that was merged; none for the others. */
    static Map<String, String> resolve(StoredArticles stored, Collection<String> storyIds) throws IOException {
        var surviving = new HashMap<String, String>();
        if (storyIds.isEmpty()) {
            return surviving;
        }
        var direct = stored.mergedInto(new HashSet<>(storyIds));
        for (int step = 0; step < MAX_STEPS && !direct.isEmpty(); step++) {
            direct.forEach((from, into) -> {
                surviving.replaceAll((story, target) -> target.equals(from) ? into : target);
                surviving.putIfAbsent(from, into);
            });
            direct = stored.mergedInto(new HashSet<>(direct.values()));
        }
        return surviving;
    }
}
