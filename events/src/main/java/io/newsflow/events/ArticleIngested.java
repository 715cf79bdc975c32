package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * An article (or a new revision of it) was accepted by the ingest service. Published to the raw topic, keyed by
 * {@code articleId}.
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
        int schemaVersion,
        String articleId,
        long revision,
        Instant occurredAt,
        String contentHash,
        Source source,
        Article article) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "newsflow.article.ingested";

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
