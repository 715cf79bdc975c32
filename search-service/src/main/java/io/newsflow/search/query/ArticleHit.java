package io.newsflow.search.query;

import io.newsflow.events.Enrichment;
import io.newsflow.search.index.ArticleDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the API shows it, with its relevance score and highlights when it comes from a search. Articles
 * indexed on mapping version 3 or older have no publisher tags, keyword scores or mention counts until a reindex:
 * those lists are empty then.
 *
 * @param categoryCode the IPTC Media Topic's code, absent for articles enriched before codes or indexed on mapping
 *     version 4 or older until a reindex; {@code categoryName} its name
 * @param storySize how many articles the index holds in the article's story (1 for an article on its own)
 * @param keywords the keyword terms with their scores, best first
 * @param mentions the people, organisations and places with how often the article mentions each
 */
public record ArticleHit(
        String id,
        long revision,
        String storyId,
        long storySize,
        String title,
        String url,
        String source,
        List<String> authors,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String category,
        Double categoryConfidence,
        String categoryCode,
        String categoryName,
        List<String> tags,
        List<String> publisherTags,
        List<String> people,
        List<String> organizations,
        List<String> places,
        ArticleDocument.Mentions mentions,
        List<Enrichment.Keyword> keywords,
        String lede,
        String summary,
        int wordCount,
        int readingTimeMinutes,
        Double score,
        Map<String, List<String>> highlights) {

    static ArticleHit of(ArticleDocument document, Double score, Map<String, List<String>> highlights) {
        var mentions = document.mentions();
        return new ArticleHit(
                document.id(),
                document.revision(),
                document.storyId(),
                1,
                document.title(),
                document.url(),
                document.source(),
                orEmpty(document.authors()),
                document.publishedAt(),
                document.ingestedAt(),
                document.language(),
                document.category(),
                document.categoryConfidence(),
                document.categoryCode(),
                document.categoryName(),
                orEmpty(document.tags()),
                orEmpty(document.publisherTags()),
                orEmpty(document.people()),
                orEmpty(document.organizations()),
                orEmpty(document.places()),
                new ArticleDocument.Mentions(
                        mentions == null ? List.of() : orEmpty(mentions.people()),
                        mentions == null ? List.of() : orEmpty(mentions.organizations()),
                        mentions == null ? List.of() : orEmpty(mentions.places())),
                orEmpty(document.scoredKeywords()),
                document.lede(),
                document.summary(),
                document.wordCount(),
                document.readingTimeMinutes(),
                score,
                highlights);
    }

    /** The same hit in a story of the given size. */
    ArticleHit withStorySize(long size) {
        return new ArticleHit(
                id,
                revision,
                storyId,
                size,
                title,
                url,
                source,
                authors,
                publishedAt,
                ingestedAt,
                language,
                category,
                categoryConfidence,
                categoryCode,
                categoryName,
                tags,
                publisherTags,
                people,
                organizations,
                places,
                mentions,
                keywords,
                lede,
                summary,
                wordCount,
                readingTimeMinutes,
                score,
                highlights);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
