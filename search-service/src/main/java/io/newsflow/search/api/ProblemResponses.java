package io.newsflow.search.api;

/**
 * Names of the problem responses, tags and security scheme of the search API's description, for
 * {@code @ApiResponse(ref = ...)}, {@code @Tag} and {@code @SecurityRequirement} on the controllers;
 * {@link OpenApiConfiguration} defines them.
 */
public final class ProblemResponses {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    public static final String SEARCH_TAG = "search";
    public static final String ARTICLES_TAG = "articles";
    public static final String STORIES_TAG = "stories";
    public static final String TRENDING_TAG = "trending";
    public static final String SUGGEST_TAG = "suggest";
    public static final String SAVED_SEARCHES_TAG = "saved-searches";
    public static final String ADMIN_TAG = "admin";

    private ProblemResponses() {}
}
