package io.newsflow.search.query;

import java.util.Locale;
import java.util.Optional;

/** The order of search results; a {@link SearchCursor} belongs to one. */
public enum Sort {
    RELEVANCE,
    NEWEST;

    /** {@code relevance} or {@code newest}, as in the request parameter and the cursor. */
    public static Optional<Sort> parse(String value) {
        return switch (value) {
            case "relevance" -> Optional.of(RELEVANCE);
            case "newest" -> Optional.of(NEWEST);
            default -> Optional.empty();
        };
    }

    /** The name {@link #parse} reads. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
