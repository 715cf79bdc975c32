package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * An article (or a new revision of it) was accepted by the ingest service. Published to the raw topic, keyed by
 * {@code articleId}. The constraints are what a consumer needs to process the event: it rejects an event that breaks
 * them, without retrying.
 *
 * @param eventId unique id of this event
 * @param schemaVersion major version of this event's schema; consumers reject majors they do not know
 * @param articleId stable id derived from the article's canonical URL, else its source and GUID, else its content
 * @param revision 1 for the first version of an article, incremented for every changed version
 * @param occurredAt when this event was created
 * @param contentHash hash of the article's content, used to tell a duplicate from a new revision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleIngested(
        String eventId,
        @Min(value = ArticleIngested.SCHEMA_VERSION, message = ArticleIngested.UNSUPPORTED_SCHEMA_VERSION)
                @Max(value = ArticleIngested.SCHEMA_VERSION, message = ArticleIngested.UNSUPPORTED_SCHEMA_VERSION)
                int schemaVersion,
        @NotNull String articleId,
        long revision,
        Instant occurredAt,
        String contentHash,
        Source source,
        @NotNull @Valid Article article) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "newsflow.article.ingested";
    private static final String UNSUPPORTED_SCHEMA_VERSION = "unsupported schemaVersion ${validatedValue}";

    public static ArticleIngested of(
            String articleId, long revision, Instant occurredAt, String contentHash, Source source, Article article) {
        return new ArticleIngested(
                UUID.randomUUID().toString(),
                SCHEMA_VERSION,
                articleId,
                revision,
                occurredAt,
                contentHash,
                source,
                article);
    }
}
