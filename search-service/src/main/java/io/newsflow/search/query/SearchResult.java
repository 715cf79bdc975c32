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

    public record Bucket(String value, long count) {}

    public record HistogramBucket(String date, long count) {}
}
