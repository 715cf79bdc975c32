package io.newsflow.search.api;

import io.newsflow.search.query.SearchCursor;
import io.newsflow.search.query.SearchQuery;
import io.newsflow.search.query.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.util.MultiValueMap;

/** Turns the query parameters of a search into a {@link SearchQuery}, or a {@link BadRequestException} saying why. */
final class SearchParameters {

    /** Elasticsearch's index.max_result_window: deeper pages need the cursor. */
    static final int MAX_WINDOW = 10_000;

    private static final Set<String> SINGLE = Set.of("q", "from", "to", "sort", "size", "page", "cursor", "interval");

    private SearchParameters() {}

    static Set<String> allowed() {
        var allowed = new TreeSet<>(SINGLE);
        SearchQuery.Filter.requestable().forEach(filter -> allowed.add(filter.parameter()));
        return allowed;
    }

    static SearchQuery parse(MultiValueMap<String, String> parameters, int maxSize) {
        var unknown = parameters.keySet().stream()
                .filter(name -> !allowed().contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("unknown parameters " + unknown + "; known are " + allowed());
        }
        for (var name : SINGLE) {
            if (parameters.containsKey(name) && parameters.get(name).size() > 1) {
                throw new BadRequestException("parameter " + name + " may be given once");
            }
        }
        var filters = new LinkedHashMap<SearchQuery.Filter, List<String>>();
        for (var filter : SearchQuery.Filter.requestable()) {
            var values = parameters.getOrDefault(filter.parameter(), List.of()).stream()
                    .flatMap(value -> Stream.of(value.split(",")))
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .toList();
            if (!values.isEmpty()) {
                filters.put(filter, new ArrayList<>(values));
            }
        }
        var from = date(parameters.getFirst("from"), "from", false);
        var to = date(parameters.getFirst("to"), "to", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("from must be before to");
        }
        var sort = parameters.getFirst("sort") == null
                ? Sort.RELEVANCE
                : Sort.parse(parameters.getFirst("sort"))
                        .orElseThrow(() -> new BadRequestException("sort must be relevance or newest"));
        var interval = parameters.getFirst("interval") == null
                ? SearchQuery.Interval.DAY
                : SearchQuery.Interval.parse(parameters.getFirst("interval"))
                        .orElseThrow(() -> new BadRequestException("interval must be hour, day, week or month"));
        var size = integer(parameters.getFirst("size"), "size", 20);
        if (size < 1 || size > maxSize) {
            throw new BadRequestException("size must be between 1 and " + maxSize);
        }
        var page = integer(parameters.getFirst("page"), "page", 1);
        if (page < 1) {
            throw new BadRequestException("page must be 1 or more");
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new BadRequestException(
                    "page * size must not exceed " + MAX_WINDOW + "; page deeper with the cursor of each answer");
        }
        SearchCursor cursor = null;
        if (parameters.getFirst("cursor") != null) {
            if (parameters.containsKey("page")) {
                throw new BadRequestException("give either page or cursor");
            }
            try {
                cursor = SearchCursor.decode(parameters.getFirst("cursor"));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("cursor is invalid: " + e.getMessage());
            }
            if (cursor.sort() != sort) {
                throw new BadRequestException("cursor belongs to sort="
                        + cursor.sort().name().toLowerCase() + "; keep the sort of the first page");
            }
        }
        var text = parameters.getFirst("q");
        return new SearchQuery(text, filters, from, to, sort, size, page, cursor, interval);
    }

    /** An instant ({@code 2025-03-01T08:00:00Z}) or a date ({@code 2025-03-01}, a whole day in UTC). */
    static Instant date(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                var day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                throw new BadRequestException(
                        name + " must be a date (2025-03-01) or an instant (2025-03-01T08:00:00Z), not " + value);
            }
        }
    }

    static int integer(String value, String name, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, not " + value);
        }
    }
}
