package io.newsflow.search.index;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import java.time.Instant;
import java.util.List;

/** An article as stored in Elasticsearch: flat, with entity names as keywords for filters and facets. */
record ArticleDocument(
        String id,
        long revision,
        String title,
        String text,
        String url,
        String source,
        String sourceDomain,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String category,
        Double categoryConfidence,
        List<String> tags,
        List<String> people,
        List<String> organizations,
        List<String> places,
        List<String> keywords,
        String lede,
        String summary,
        List<String> authors,
        int wordCount,
        int readingTimeMinutes,
        String fingerprint) {

    static ArticleDocument from(ArticleEnriched event) {
        var article = event.article();
        var enrichment = event.enrichment();
        var category = enrichment.category();
        return new ArticleDocument(
                event.articleId(),
                event.revision(),
                article.title(),
                enrichment.text(),
                article.url(),
                event.source() == null ? null : event.source().name(),
                event.source() == null ? null : event.source().domain(),
                article.publishedAt() != null ? article.publishedAt() : event.occurredAt(),
                event.occurredAt(),
                enrichment.language(),
                category == null ? null : category.label(),
                category == null ? null : category.confidence(),
                enrichment.tags(),
                names(enrichment.people()),
                names(enrichment.organizations()),
                names(enrichment.places()),
                enrichment.keywords().stream().map(Enrichment.Keyword::term).toList(),
                enrichment.lede(),
                enrichment.summary(),
                article.authors(),
                enrichment.wordCount(),
                enrichment.readingTimeMinutes(),
                enrichment.fingerprint());
    }

    private static List<String> names(List<Enrichment.Entity> entities) {
        return entities.stream().map(Enrichment.Entity::name).toList();
    }
}
