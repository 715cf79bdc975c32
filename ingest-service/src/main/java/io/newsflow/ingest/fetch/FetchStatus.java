package io.newsflow.ingest.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newsflow.ingest.intake.ArticleIntake;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;

/**
 * The state of the latest fetch of an article's page, as the compacted status topic keeps it and the API shows it.
 *
 * @param attempts tries so far for the latest request
 * @param reason why the last try failed (e.g. {@code http-503}, {@code timeout}, {@code robots-disallowed})
 * @param revision the revision published by the fetch, when it published one
 * @param etag the page's ETag, sent as If-None-Match by the next fetch of the same article
 * @param lastModified the page's Last-Modified, sent as If-Modified-Since
 * @param teaserHash the content hash of the article as the latest request brought it (a feed item's teaser, a
 *     sitemap entry), to tell a changed teaser, whose page is fetched again, from the same one; absent from states
 *     written before it was kept, which count as the same
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FetchStatus", description = "The state of the latest fetch of the article's page")
public record FetchStatus(
        String articleId,
        String url,
        State state,
        int attempts,
        @Schema(description = "Why the last try failed, e.g. `http-503`, `timeout`, `robots-disallowed`") String reason,
        String detail,
        Long revision,
        @Schema(description = "The page's ETag, sent with the next fetch") String etag,
        @Schema(description = "The page's Last-Modified, sent with the next fetch") String lastModified,
        Instant requestedAt,
        Instant updatedAt,
        @Schema(description = "The content hash of the article as its latest request brought it (e.g. a feed's teaser)")
                String teaserHash) {

    public enum State {
        /** On the request topic, not tried yet. */
        QUEUED,
        /** Tried and failed; tried again after the back-off. */
        RETRYING,
        /** Fetched, and the article published with the page's text. */
        FETCHED,
        /** The page answered 304: nothing changed since the last fetch, nothing published. */
        NOT_MODIFIED,
        /** Given up: the article was published with what it had; {@code reason} says why. */
        FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A new request's state. The page's validators stay only when the request brings what the last one brought: a
     * changed teaser makes a new revision of the article (its own dates and summary win over the page's), which needs
     * the page itself, not a 304.
     */
    static FetchStatus queued(FetchRequest request, FetchStatus previous, Instant now) {
        var teaserHash = ArticleIntake.contentHash(request.article());
        var validators = previous != null && previous.isFor(teaserHash);
        return new FetchStatus(
                request.articleId(),
                request.article().url(),
                State.QUEUED,
                0,
                null,
                null,
                previous == null ? null : previous.revision(),
                validators ? previous.etag() : null,
                validators ? previous.lastModified() : null,
                now,
                now,
                teaserHash);
    }

    /** Whether the latest request brought this content (a state from before teasers were kept counts as one). */
    boolean isFor(String teaserHash) {
        return this.teaserHash == null || this.teaserHash.equals(teaserHash);
    }

    FetchStatus tried(State state, String reason, String detail, Long revision, Instant now) {
        return new FetchStatus(
                articleId,
                url,
                state,
                attempts + 1,
                reason,
                detail,
                revision,
                etag,
                lastModified,
                requestedAt,
                now,
                teaserHash);
    }

    FetchStatus withValidators(String etag, String lastModified) {
        return new FetchStatus(
                articleId,
                url,
                state,
                attempts,
                reason,
                detail,
                revision,
                etag,
                lastModified,
                requestedAt,
                updatedAt,
                teaserHash);
    }

    /** The final state after giving up: the last try's reason stays. */
    FetchStatus failed(Long revision, Instant now) {
        return new FetchStatus(
                articleId,
                url,
                State.FAILED,
                attempts,
                reason == null ? "retries-exhausted" : reason,
                detail,
                revision,
                etag,
                lastModified,
                requestedAt,
                now,
                teaserHash);
    }
}
