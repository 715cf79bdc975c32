package io.newsflow.search.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of search results. */
public record SearchPage(long total, List<ArticleHit> hits) {

    public record ArticleHit(
            String id,
            long revision,
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
}
