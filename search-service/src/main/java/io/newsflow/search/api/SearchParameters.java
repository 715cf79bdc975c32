package io.newsflow.search.api;

import io.newsflow.search.query.SearchCursor;
import io.newsflow.search.query.SearchQuery;
import io.newsflow.search.query.Sort;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The query parameters of a search, bound by name (their types read as {@link ParameterConversion} says) and
 * validated. Filters repeat, or take comma-separated values; absent parameters take the defaults of {@link #toQuery}.
 *
 * @param from inclusive lower bound of {@code publishedAt}; a date means from its start
 * @param to exclusive upper bound of {@code publishedAt}; a date means to its end
 */
record SearchParameters(
        String q,
        List<String> tag,
        List<String> person,
        List<String> organization,
        List<String> place,
        List<String> category,
        List<String> source,
        List<String> language,
        DateOrInstant from,
        DateOrInstant to,
        Sort sort,
        @PageSize Integer size,
        @Min(value = 1, message = "page must be 1 or more") Integer page,
        SearchCursor cursor,
        SearchQuery.Interval interval) {

    /** Elasticsearch's index.max_result_window: deeper pages need the cursor. */
    static final int MAX_WINDOW = 10_000;

    /** The parameters that may be given once. */
    static final Set<String> SINGLE = Set.of("q", "from", "to", "sort", "size", "page", "cursor", "interval");

    private static final int DEFAULT_SIZE = 20;

    /** Every parameter a search knows. */
    static Set<String> names() {
        var names = new TreeSet<>(SINGLE);
        SearchQuery.Filter.requestable().forEach(filter -> names.add(filter.parameter()));
        return names;
    }

    @AssertTrue(message = "from must be before to")
    boolean isFromBeforeTo() {
        return from == null || to == null || from.start().isBefore(to.end());
    }

    @AssertTrue(message = "give either page or cursor")
    boolean isPageOrCursor() {
        return page == null || cursor == null;
    }

    @AssertTrue(message = "page * size must not exceed " + MAX_WINDOW + "; page deeper with the cursor of each answer")
    boolean isWithinTheResultWindow() {
        return (long) pageOrFirst() * sizeOrDefault() <= MAX_WINDOW;
    }

    @AssertTrue(message = "cursor belongs to another sort; keep the sort of the first page")
    boolean isCursorOfThisSort() {
        return cursor == null || cursor.sort() == sortOrDefault();
    }

    SearchQuery toQuery() {
        var filters = new LinkedHashMap<SearchQuery.Filter, List<String>>();
        for (var filter : SearchQuery.Filter.requestable()) {
            var values = values(filter).stream()
                    .flatMap(value -> Stream.of(value.split(",")))
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .toList();
            if (!values.isEmpty()) {
                filters.put(filter, values);
            }
        }
        return new SearchQuery(
                q,
                filters,
                from == null ? null : from.start(),
                to == null ? null : to.end(),
                sortOrDefault(),
                sizeOrDefault(),
                pageOrFirst(),
                cursor,
                interval == null ? SearchQuery.Interval.DAY : interval);
    }

    private List<String> values(SearchQuery.Filter filter) {
        var values =
                switch (filter) {
                    case TAG -> tag;
                    case PERSON -> person;
                    case ORGANIZATION -> organization;
                    case PLACE -> place;
                    case CATEGORY -> category;
                    case SOURCE -> source;
                    case LANGUAGE -> language;
                    case ID -> List.<String>of();
                };
        return values == null ? List.of() : values;
    }

    private Sort sortOrDefault() {
        return sort == null ? Sort.RELEVANCE : sort;
    }

    private int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    private int pageOrFirst() {
        return page == null ? 1 : page;
    }
}
