package io.newsflow.enrich.pipeline;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tags editors filter by: the category, the entities, the keywords and the publisher's own tags, normalised
 * (NFKC, lower case, single spaces, no surrounding punctuation) and de-duplicated, in that order.
 */
final class Tags {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

    private Tags() {}

    static List<String> of(List<String> names) {
        var tags = new LinkedHashSet<String>();
        for (var name : names) {
            var tag = normalise(name);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        var text = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'');
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return EDGE_PUNCTUATION.matcher(text).replaceAll("");
    }
}
