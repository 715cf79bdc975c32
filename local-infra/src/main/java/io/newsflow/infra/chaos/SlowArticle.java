package io.newsflow.infra.chaos;

import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.load.Item;
import java.time.Instant;
import java.util.List;

/**
 * The article of {@code slow-article}: the template articles' bodies one after another, as paragraphs, up to
 * {@link #CHARACTERS}. Enriching it took 2.9 s here on an idle machine, against about 90 ms for a demo article.
 *
 * <p>Not larger: its enriched event is about twice its body, and enrich's producer refuses a record over 1 MB
 * (max.request.size); an article of 900,000 characters, which ingest accepts (max-article-size 1 MB), was never
 * enriched for that (RecordTooLargeException).
 */
final class SlowArticle {

    static final int CHARACTERS = 440_000;

    private SlowArticle() {}

    static Item of(List<Item> templates, String run) {
        var body = new StringBuilder(CHARACTERS + 10_000);
        for (var i = 0; body.length() < CHARACTERS; i++) {
            var text =
                    templates.get(i % templates.size()).article().path("body").asString("");
            body.append("<p>").append(text).append("</p>\n");
        }
        body.setLength(CHARACTERS);
        // numbered far beyond the stream's articles, so its GUID is its own
        var article = ArticleStream.articles(templates, run, 1_000_000, 1, Instant.now())
                .getFirst()
                .article();
        article.put("title", "A very long article (" + run + ")");
        article.put("body", body.toString());
        return new Item(run + " slow article", article);
    }
}
