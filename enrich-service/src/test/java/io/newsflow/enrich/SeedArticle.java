package io.newsflow.enrich;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The project's first sample article (see {@code seed/README.md} in the test resources). */
public final class SeedArticle {

    private SeedArticle() {}

    public static String title() {
        var text = raw();
        return text.substring(0, text.indexOf('\n')).strip();
    }

    public static String body() {
        var text = raw();
        return text.substring(text.indexOf('\n') + 1);
    }

    public static EnrichProperties properties() {
        return new EnrichProperties(
                new EnrichProperties.Topics("raw", "enriched", 1, (short) 1),
                new EnrichProperties.Enrich(
                        1,
                        List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "uk", "ru"),
                        10,
                        new EnrichProperties.Summary(3, 600),
                        new EnrichProperties.Entities(List.of()),
                        50_000));
    }

    public static ArticleIngested event(String articleId) {
        return ArticleIngested.of(
                articleId,
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "sha256:seed",
                Source.pushed("RksNews", "rksnews.com"),
                Article.of(title(), body()));
    }

    private static String raw() {
        try (var in = SeedArticle.class.getResourceAsStream("/seed/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
