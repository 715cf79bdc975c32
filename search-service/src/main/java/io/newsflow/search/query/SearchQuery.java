package io.newsflow.search.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated newsroom search.
 *
 * @param text simple_query_string syntax, or {@code null} for every article
 * @param filters values by filter; values of one filter are alternatives, filters all apply
 * @param from inclusive lower bound of {@code publishedAt}, or {@code null}
 * @param to exclusive upper bound of {@code publishedAt}, or {@code null}
 * @param page 1-based page, ignored when a cursor is given
 * @param cursor where the previous page ended, or {@code null}
 * @param collapseStories one hit per story (its best match), the others of the story left out
 */
public record SearchQuery(
        String text,
        Map<Filter, List<String>> filters,
        Instant from,
        Instant to,
        Sort sort,
        int size,
        int page,
        SearchCursor cursor,
        Interval interval,
        boolean collapseStories) {

    public SearchQuery {
        filters = Map.copyOf(filters);
    }

    /** A search that lists every matching article. */
    public SearchQuery(
            String text,
            Map<Filter, List<String>> filters,
            Instant from,
            Instant to,
            Sort sort,
            int size,
            int page,
            SearchCursor cursor,
            Interval interval) {
        this(text, filters, from, to, sort, size, page, cursor, interval, false);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), null, null, Sort.RELEVANCE, 20, 1, null, Interval.DAY);
    }

    public SearchQuery withIds(List<String> ids) {
        return withFilter(Filter.ID, ids);
    }

    /** The same search with the filter's values replaced. */
    public SearchQuery withFilter(Filter filter, List<String> values) {
        var copy = new HashMap<>(filters);
        copy.put(filter, values);
        return new SearchQuery(text, copy, from, to, sort, size, page, cursor, interval, collapseStories);
    }

    public enum Interval {
        HOUR,
        DAY,
        WEEK,
        MONTH;

        public static Optional<Interval> parse(String value) {
            for (var interval : values()) {
                if (interval.name().equalsIgnoreCase(value)) {
                    return Optional.of(interval);
                }
            }
            return Optional.empty();
        }
    }

    /** The filters, by their request parameter, with the document field they apply to. */
    public enum Filter {
        TAG("tag", "tags"),
        PERSON("person", "people"),
        ORGANIZATION("organization", "organizations"),
        PLACE("place", "places"),
        CATEGORY("category", "category"),
        SOURCE("source", "source"),
        LANGUAGE("language", "language"),
        STORY("story", "storyId"),
        ID("id", "id");

        private final String parameter;
        private final String field;

        Filter(String parameter, String field) {
            this.parameter = parameter;
            this.field = field;
        }

        public String parameter() {
            return parameter;
        }

        String field() {
            return field;
        }

        /** The filters a request may name (the id filter is for saved-search alerts only). */
        public static List<Filter> requestable() {
            return List.of(TAG, PERSON, ORGANIZATION, PLACE, CATEGORY, SOURCE, LANGUAGE, STORY);
        }
    }
}
