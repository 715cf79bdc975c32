package io.newsflow.search.api;

import io.newsflow.search.query.SearchCursor;
import io.newsflow.search.query.SearchQuery;
import io.newsflow.search.query.Sort;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
        @Parameter(
                        description = "The query in simple_query_string syntax (words, `\"phrases\"`, `-exclude`,"
                                + " `+`, `a | b`, `( )`) with upper-case `OR`, `AND` and `NOT` as words; every article"
                                + " when absent",
                        example = "ukraine OR kyiv -election")
                String q,
        @Parameter(description = "Tags (publisher tags and derived ones); " + FILTER) List<String> tag,
        @Parameter(
                        description = "People mentioned, by key (the `value` of a `people` facet bucket) or by name as"
                                + " written; " + FILTER)
                List<String> person,
        @Parameter(description = "Organisations mentioned, by key or by name as written; " + FILTER)
                List<String> organization,
        @Parameter(description = "Places mentioned, by key or by name as written; " + FILTER) List<String> place,
        @Parameter(
                        description = "IPTC Media Topics by code (`medtop:16000000`, the `value` of a `categories`"
                                + " facet bucket), or category labels (`politics`); categories enriched as guesses"
                                + " (confidence below 0.25) never match; " + FILTER)
                List<String> category,
        @Parameter(description = "Sources (publications); " + FILTER) List<String> source,
        @Parameter(description = "Languages, ISO 639-1 (`en`, `de`); " + FILTER) List<String> language,
        @Parameter(description = "Stories, by the id hits and stories give; " + FILTER) List<String> story,
        @Parameter(
                        description = "Published at or after: a date (its start, UTC) or an instant",
                        schema = @Schema(type = "string", example = "2025-03-01"))
                DateOrInstant from,
        @Parameter(
                        description = "Published before: a date (up to its end, UTC) or an instant; after `from`",
                        schema = @Schema(type = "string", example = "2025-03-02T12:00:00Z"))
                DateOrInstant to,
        @Parameter(
                        description = "The order of the hits; a cursor keeps the sort of its first page",
                        schema =
                                @Schema(
                                        type = "string",
                                        allowableValues = {"relevance", "newest"},
                                        defaultValue = "relevance"))
                Sort sort,
        @Parameter(
                        description = "Hits per page, from 1 to `newsflow.search.max-page-size` (100 by default)",
                        schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "20"))
                @PageSize
                Integer size,
        @Parameter(
                        description = "The page, from 1, while `page * size` stays within " + MAX_WINDOW
                                + "; not with `cursor`",
                        schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "1"))
                @Min(value = 1, message = "page must be 1 or more")
                Integer page,
        @Parameter(
                        description =
                                "The `next` of the previous page, to page deeper than `page` can; not with" + " `page`",
                        schema = @Schema(type = "string"))
                SearchCursor cursor,
        @Parameter(
                        description = "The bucket width of the date histogram",
                        schema =
                                @Schema(
                                        type = "string",
                                        allowableValues = {"hour", "day", "week", "month"},
                                        defaultValue = "day"))
                SearchQuery.Interval interval,
        @Parameter(
                        description = "`story`: one hit per story, its best match, with the story's size in"
                                + " `storySize`; `total` and the facets still count articles. Pages with `page`,"
                                + " not `cursor`",
                        schema = @Schema(type = "string", allowableValues = "story"))
                @Pattern(regexp = "story", message = "collapse takes story")
                String collapse) {

    /** Elasticsearch's index.max_result_window: deeper pages need the cursor. */
    static final int MAX_WINDOW = 10_000;

    private static final String FILTER = "repeat the parameter or separate values with commas; an article"
            + " matches when it has any of the values";

    /** The parameters that may be given once. */
    static final Set<String> SINGLE =
            Set.of("q", "from", "to", "sort", "size", "page", "cursor", "interval", "collapse");

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

    // Elasticsearch pages collapsed hits with search_after only when it sorts on the collapse field
    @AssertTrue(message = "collapsed results page with page, not cursor")
    boolean isCollapsedWithoutCursor() {
        return collapse == null || cursor == null;
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
                interval == null ? SearchQuery.Interval.DAY : interval,
                collapse != null);
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
                    case STORY -> story;
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
