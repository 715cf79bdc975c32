package io.newsflow.ingest.intake;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import io.newsflow.ingest.publishing.ArticlePublisher;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Turns a submitted article into an {@link ArticleIngested} event with a stable id and publishes it. */
@Service
public class ArticleIntake {

    private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

    private final ArticlePublisher publisher;
    private final Clock clock;

    ArticleIntake(ArticlePublisher publisher) {
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    public IngestResult submit(Source source, Article article) {
        var contentHash = contentHash(article);
        var articleId = ArticleIds.of(article.url(), source.name(), article.guid(), contentHash);
        var event = ArticleIngested.of(articleId, 1, clock.instant(), contentHash, source, article);
        publisher.publish(event);
        log.info("Accepted article {} revision {} from {}", articleId, event.revision(), source.name());
        return new IngestResult(articleId, event.revision(), IngestResult.Outcome.ACCEPTED);
    }

    static String contentHash(Article article) {
        var content = String.join(
                "\u0000",
                Objects.toString(article.title(), ""),
                Objects.toString(article.body(), ""),
                Objects.toString(article.summary(), ""),
                String.join("\u0001", article.authors()),
                String.join("\u0001", article.tags()),
                Objects.toString(article.publishedAt(), ""),
                Objects.toString(article.updatedAt(), ""));
        return "sha256:" + HexFormat.of().formatHex(ArticleIds.sha256(content));
    }
}
