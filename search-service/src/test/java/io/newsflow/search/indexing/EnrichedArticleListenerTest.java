package io.newsflow.search.indexing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.Articles;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.stories.StoryAssigner;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.Acknowledgment;

/** What happens to a batch Elasticsearch took when its offsets cannot be committed. */
class EnrichedArticleListenerTest {

    private final ArticleIndex index = mock(ArticleIndex.class);
    private final StoryAssigner stories = mock(StoryAssigner.class);
    private final DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
    private final Acknowledgment acknowledgment = mock(Acknowledgment.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final EnrichedArticleListener listener = new EnrichedArticleListener(
            index,
            stories,
            deadLetters,
            new IndexingMetrics(new SimpleMeterRegistry()),
            mock(ApplicationEventPublisher.class),
            mock(IndexingBackOff.class),
            ObservationRegistry.NOOP);

    private List<ConsumerRecord<String, ArticleEnriched>> indexedBatch() throws Exception {
        var event = Articles.builder("Harbour cranes return", "New cranes arrive this week.")
                .build();
        when(stories.assign(anyList())).thenReturn(Map.of());
        when(index.write(anyList())).thenReturn(List.of());
        return List.of(new ConsumerRecord<>("newsflow.articles.enriched", 3, 41L, event.articleId(), event));
    }

    @Test
    void aCommitTheBrokerDidNotAnswerInTimeReadsTheBatchAgainInsteadOfDeadLetteringIt() throws Exception {
        // what the listener met while the broker was down (./newsflow chaos kill-kafka)
        var records = indexedBatch();
        doThrow(new TimeoutException("Timeout of 60000ms expired before successfully committing offsets"))
                .when(acknowledgment)
                .acknowledge();

        assertThatCode(() -> listener.onArticlesEnriched(records, acknowledgment, consumer))
                .doesNotThrowAnyException();

        verify(consumer).seek(new TopicPartition("newsflow.articles.enriched", 3), 41L);
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aCommitARebalanceRefusedReadsTheBatchAgainToo() throws Exception {
        var records = indexedBatch();
        doThrow(new CommitFailedException()).when(acknowledgment).acknowledge();

        assertThatCode(() -> listener.onArticlesEnriched(records, acknowledgment, consumer))
                .doesNotThrowAnyException();

        verify(consumer).seek(any(TopicPartition.class), any(Long.class));
        verifyNoInteractions(deadLetters);
    }
}
