package io.newsflow.infra.chaos;

import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.load.Item;
import java.time.Instant;
import java.util.List;

/**
 * The article of {@code slow-article}: the template articles' bodies one after another, as paragraphs, up to
 * {@link #CHARACTERS}: nearly the largest ingest accepts (max-article-size 1 MB). Before enrich read only the start of
 * an article (newsflow.enrich.analysed-characters), one of 440,000 characters took 2.9 s here on an idle machine,
 * against about 90 ms for a demo article; and this one was never enriched at all, its enriched event (about twice its
 * body) being over the producer's old 1 MB max.request.size.
 */
final class SlowArticle {

    static final int CHARACTERS = 900_000;

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
