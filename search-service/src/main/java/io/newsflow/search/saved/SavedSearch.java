package io.newsflow.search.saved;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search an editor keeps, with filters named like the search parameters ({@code tag}, {@code person}, ...).
 *
 * @param query simple_query_string syntax, or {@code null} for every article that passes the filters
 */
record SavedSearch(String id, String name, String query, Map<String, List<String>> filters, Instant createdAt) {}
