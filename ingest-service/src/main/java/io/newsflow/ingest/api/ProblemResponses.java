package io.newsflow.ingest.api;

/**
 * Names of the problem responses and tags of the API's description, for {@code @ApiResponse(ref = ...)} and
 * {@code @Tag} on the controllers; {@link OpenApiConfiguration} defines them.
 */
public final class ProblemResponses {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    public static final String ARTICLES_TAG = "articles";
    public static final String FEEDS_TAG = "feeds";

    private ProblemResponses() {}
}
