package io.newsflow.search.query;

import io.newsflow.search.index.ArticleDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An article as the API shows it, with its relevance score and highlights when it comes from a search. */
public record ArticleHit(
        String id,
        long revision,
        String storyId,
        String title,
        String url,
        String source,
        Instant publishedAt,
        String language,
        String category,
        List<String> tags,
        List<String> people,
        List<String> organizations,
        List<String> places,
        String lede,
        String summary,
        int wordCount,
        Double score,
        Map<String, List<String>> highlights) {

    static ArticleHit of(ArticleDocument document, Double score, Map<String, List<String>> highlights) {
        return new ArticleHit(
                document.id(),
                document.revision(),
                document.storyId(),
                document.title(),
                document.url(),
                document.source(),
                document.publishedAt(),
                document.language(),
                document.category(),
                document.tags(),
                document.people(),
                document.organizations(),
                document.places(),
                document.lede(),
                document.summary(),
                document.wordCount(),
                score,
                highlights);
    }
}
