package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An ingested article was enriched with tags and a summary. Published to the enriched topic, keyed by
 * {@code articleId}, with the revision of the ingested article it was made from. The enriched topic is compacted:
 * its latest event per article is enough to rebuild the search index.
 *
 * @param eventId derived from {@code ingestedEventId}, so that enriching the same event twice gives the same event
 * @param occurredAt when the ingested article was accepted (enrichment is a pure function of it)
 * @param ingestedEventId the event this one was made from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleEnriched(
        String eventId,
        int schemaVersion,
        String articleId,
        long revision,
        Instant occurredAt,
        String ingestedEventId,
        Source source,
        Article article,
        Enrichment enrichment) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "newsflow.article.enriched";

    public static ArticleEnriched from(ArticleIngested ingested, Enrichment enrichment) {
        var eventId = UUID.nameUUIDFromBytes(("enriched:" + ingested.eventId()).getBytes(StandardCharsets.UTF_8));
        return new ArticleEnriched(
                eventId.toString(),
                SCHEMA_VERSION,
                ingested.articleId(),
                ingested.revision(),
                ingested.occurredAt(),
                ingested.eventId(),
                ingested.source(),
                ingested.article(),
                enrichment);
    }
}
