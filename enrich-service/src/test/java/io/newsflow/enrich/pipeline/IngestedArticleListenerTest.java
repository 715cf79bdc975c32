package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import io.newsflow.kafka.InvalidEventException;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class IngestedArticleListenerTest {

    private final Enricher enricher = mock(Enricher.class);
    private final EnrichedArticlePublisher publisher = mock(EnrichedArticlePublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestedArticleListener listener = new IngestedArticleListener(
            enricher,
            publisher,
            Validation.buildDefaultValidatorFactory().getValidator(),
            new EnrichMetrics(meters),
            ObservationRegistry.NOOP);

    @Test
    void rejectsAnEventWithoutArticleIdOrTitleNamingWhatIsMissing() {
        var event = new ArticleIngested(
                "e-1",
                ArticleIngested.SCHEMA_VERSION,
                null,
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "h",
                Source.pushed("Example", "example.com"),
                Article.of(null, "A body without a title."));

        assertThatThrownBy(() -> listener.onArticlesIngested(List.of(record(event))))
                .isInstanceOf(BatchListenerFailedException.class)
                .extracting(Throwable::getCause)
                .isInstanceOf(InvalidEventException.class)
                .asInstanceOf(THROWABLE)
                .hasMessageStartingWith("article.title: ")
                .hasMessageContaining("; articleId: ");
        verifyNoInteractions(enricher, publisher);
    }

    @Test
    void rejectsAnUnknownSchemaVersionWithTheVersionItGot() {
        var event = new ArticleIngested(
                "e-2", 2, "a-2", 1, Instant.parse("2025-09-01T08:00:00Z"), "h", null, Article.of("Title", "Body."));

        assertThatThrownBy(() -> listener.onArticlesIngested(List.of(record(event))))
                .isInstanceOf(BatchListenerFailedException.class)
                .extracting(Throwable::getCause)
                .isInstanceOf(InvalidEventException.class)
                .asInstanceOf(THROWABLE)
                .hasMessage("schemaVersion: unsupported schemaVersion 2");
        verifyNoInteractions(enricher, publisher);
    }

    @Test
    void countsAnEnrichedArticleAndTimesItWhileDeadLettersStayAtZero() {
        var event = new ArticleIngested(
                "e-3",
                ArticleIngested.SCHEMA_VERSION,
                "a-3",
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "h",
                Source.pushed("Example", "example.com"),
                Article.of("Title", "Body."));

        when(publisher.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        listener.onArticlesIngested(List.of(record(event)));

        assertThat(meters.get(EnrichMetrics.ARTICLES)
                        .tag("outcome", "enriched")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(EnrichMetrics.ARTICLES)
                        .tag("outcome", "dead-lettered")
                        .counter()
                        .count())
                .isZero();
        assertThat(meters.get(EnrichMetrics.DURATION).timer().count()).isEqualTo(1);
    }

    @Test
    void reportsTheIndexOfAnInvalidEventAfterTheRecordsBeforeItWereSent() {
        when(publisher.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        var good = new ArticleIngested(
                "e-4",
                ArticleIngested.SCHEMA_VERSION,
                "a-4",
                1,
                Instant.parse("2025-09-01T08:00:00Z"),
                "h",
                Source.pushed("Example", "example.com"),
                Article.of("Title", "Body."));
        var invalid = new ArticleIngested(
                "e-5", 2, "a-5", 1, Instant.parse("2025-09-01T08:00:00Z"), "h", null, Article.of("Title", "Body."));

        assertThatThrownBy(() -> listener.onArticlesIngested(List.of(record(good), record(invalid), record(good))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(1));
        assertThat(meters.get(EnrichMetrics.ARTICLES)
                        .tag("outcome", "enriched")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private static ConsumerRecord<String, ArticleIngested> record(ArticleIngested event) {
        return new ConsumerRecord<>("raw", 0, 0, event.articleId(), event);
    }
}
