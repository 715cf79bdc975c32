package io.newsflow.search.saved;

import io.newsflow.search.api.BadRequestException;
import io.newsflow.search.query.SearchQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search an editor keeps, with filters named like the search parameters ({@code tag}, {@code person}, ...).
 *
 * @param query simple_query_string syntax, or {@code null} for every article that passes the filters
 * @param owner the id of the caller who saved it ({@code io.newsflow.security.Caller#id}), the only one who sees it
 */
record SavedSearch(
        String id, String name, String query, Map<String, List<String>> filters, Instant createdAt, String owner) {

    SearchQuery toQuery() {
        return toQuery(query, filters == null ? Map.of() : filters);
    }

    /** @throws BadRequestException for a filter that a search does not know or one without values */
    static SearchQuery toQuery(String text, Map<String, List<String>> filters) {
        var byFilter = new LinkedHashMap<SearchQuery.Filter, List<String>>();
        filters.forEach((name, values) -> {
            var filter = SearchQuery.Filter.requestable().stream()
                    .filter(f -> f.parameter().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new BadRequestException("unknown filter " + name + "; known are "
                            + SearchQuery.Filter.requestable().stream()
                                    .map(SearchQuery.Filter::parameter)
                                    .toList()));
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new BadRequestException("filter " + name + " needs one or more non-blank values");
            }
            byFilter.put(filter, values);
        });
        var base = SearchQuery.of(text);
        return new SearchQuery(text, byFilter, null, null, base.sort(), base.size(), 1, null, base.interval());
    }
}
