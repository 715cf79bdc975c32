package io.newsflow.enrich.lab.stories;

import io.newsflow.events.ArticleEnriched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The baselines the story clustering is measured against, computed in the same run. */
final class Baselines {

    private static final int MAX_DISTANCE = 3;
    private static final double MIN_JACCARD = 0.3;
    private static final Duration SPAN = Duration.ofDays(3);

    private Baselines() {}

    /**
     * The search service's stories before issue 12: an article joins the story of the first earlier article (within
     * three days) whose SimHash fingerprint is within three bits of its own and whose words overlap by a Jaccard
     * similarity of 0.3 or more; otherwise it starts one.
     */
    static List<String> fingerprints(List<ArticleEnriched> events) {
        var stories = new ArrayList<String>();
        var bits = new long[events.size()];
        var words = new ArrayList<Set<String>>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var fingerprint = event.enrichment().fingerprint();
            bits[i] = fingerprint == null ? 0 : Long.parseUnsignedLong(fingerprint, 16);
            words.add(words(event.article().title(), event.enrichment().text()));
            String story = event.articleId();
            for (int j = 0; j < i; j++) {
                if (Long.bitCount(bits[i] ^ bits[j]) <= MAX_DISTANCE
                        && withinSpan(event, events.get(j))
                        && jaccard(words.get(i), words.get(j)) >= MIN_JACCARD) {
                    story = stories.get(j);
                    break;
                }
            }
            stories.add(story);
        }
        return stories;
    }

    /** One story per title, lower case with runs of anything but letters and digits as one space. */
    static List<String> titles(List<ArticleEnriched> events) {
        return events.stream()
                .map(event -> event.article()
                        .title()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip())
                .toList();
    }

    private static boolean withinSpan(ArticleEnriched a, ArticleEnriched b) {
        var ta = a.article().publishedAt();
        var tb = b.article().publishedAt();
        return ta == null || tb == null || Duration.between(ta, tb).abs().compareTo(SPAN) <= 0;
    }

    private static Set<String> words(String title, String text) {
        var all = title + " " + text.substring(0, Math.min(text.length(), 2_000));
        return Arrays.stream(all.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 2)
                .collect(Collectors.toSet());
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        var common = new HashSet<>(a);
        common.retainAll(b);
        var union = a.size() + b.size() - common.size();
        return union == 0 ? 1 : (double) common.size() / union;
    }
}
