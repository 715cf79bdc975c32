package io.newsflow.search.query;

import java.util.List;
import java.util.Map;

/**
 * One page of a search, with the facet counts and the date histogram of everything that matched.
 *
 * @param next the cursor of the page after this one, or {@code null} on the last page
 */
public record SearchResult(
        long total,
        List<ArticleHit> hits,
        Map<String, List<Bucket>> facets,
        List<HistogramBucket> histogram,
        String next) {

    /**
     * @param value what the filter of the facet takes (an entity's key, a Media Topic's code)
     * @param name what to show: the value itself for tags, sources and languages, the Media Topic's name, the entity's
     *     spelling in the latest article of the bucket
     */
    public record Bucket(String value, String name, long count) {}

    public record HistogramBucket(String date, long count) {}
}
