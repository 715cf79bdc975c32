package io.newsflow.search.indexing;

import io.newsflow.search.SearchProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Holds back a batch that Elasticsearch could not take: each of its partitions is sought back to the batch's first
 * offset and paused for a growing while, then resumed, so the next poll delivers the same records again. Nothing is
 * committed meanwhile, and the consumer keeps polling, so a long outage costs no group membership.
 *
 * <p>Spring Kafka's own batch retry (the fallback of {@code DefaultErrorHandler}, {@code FallbackBatchErrorHandler})
 * is not used because it retries the batch in a loop inside the error handler ({@code ErrorHandlingUtils.retryBatch}),
 * polling the paused consumer to keep it in the group: when a rebalance happens during that loop, the batch still
 * holds records of partitions that now belong to another consumer, and acknowledging it after recovery commits their
 * old offsets over the newer ones of the new owner, which then never commits again (our outage test caught it). That
 * loop's trouble with rebalances is documented in spring-projects/spring-kafka#2340 (after a rebalance the retry loop's
 * polls returned records that it threw away; fixed by re-pausing in #2341), #2382 (that re-pause state shared by the
 * consumers of a concurrent container paused the wrong ones) and #4545 (a delegating error handler did not pass the
 * rebalance on, so the polls again dropped records and later commits made the loss permanent). Here a batch never
 * outlives its poll: after a rebalance, the owner of a partition simply reads it from its last committed offset.
 */
@Component
class IndexingBackOff implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexingBackOff.class);

    private final KafkaListenerEndpointRegistry registry;
    private final ExponentialBackOff backOff;
    private final Map<TopicPartition, BackOffExecution> backOffs = new ConcurrentHashMap<>();
    // The latest hold of each partition: a resume of an older hold (the partition moved to another consumer of the
    // container and was held again there) must not end the newer one early.
    private final Map<TopicPartition, Object> holds = new ConcurrentHashMap<>();
    private final ThreadPoolTaskScheduler resumer;

    IndexingBackOff(
            KafkaListenerEndpointRegistry registry,
            SearchProperties properties,
            ThreadPoolTaskSchedulerBuilder schedulers) {
        this.registry = registry;
        this.backOff = untilAccepted(properties.search().indexing());
        this.resumer = schedulers
                .poolSize(1)
                .threadNamePrefix("indexing-resume-")
                .customizers(scheduler -> scheduler.setDaemon(true))
                .build();
        this.resumer.initialize();
    }

    /**
     * The pauses between attempts at a batch Elasticsearch could not take, live or in a rebuild: from {@code
     * retryInitial}, doubling up to {@code retryMax}, with no limit on attempts or elapsed time, since an article is
     * never given up for an outage.
     */
    static ExponentialBackOff untilAccepted(SearchProperties.Indexing indexing) {
        var backOff = new ExponentialBackOff(indexing.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(indexing.retryMax().toMillis());
        return backOff;
    }

    /** Called on the consumer's thread by the listener that received the batch, before the next poll. */
    void holdBack(String listenerId, List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
        var container = registry.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("No listener container " + listenerId);
        }
        rewind(records, consumer).forEach((partition, offset) -> {
            var pause =
                    backOffs.computeIfAbsent(partition, p -> backOff.start()).nextBackOff();
            var hold = new Object();
            holds.put(partition, hold);
            container.pausePartition(partition);
            log.debug("Holding {} back from offset {} for {} ms", partition, offset, pause);
            resumer.schedule(
                    () -> resume(container, partition, hold), Instant.now().plusMillis(pause));
        });
    }

    /** Seeks each partition of the batch back to the batch's first offset in it; returns those offsets. */
    static Map<TopicPartition, Long> rewind(List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
        var firstOffsets = new LinkedHashMap<TopicPartition, Long>();
        for (var record : records) {
            firstOffsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        firstOffsets.forEach(consumer::seek);
        return firstOffsets;
    }

    /** Elasticsearch took a batch of these partitions: the next failure starts again from the shortest pause. */
    void reset(List<? extends ConsumerRecord<?, ?>> records) {
        for (var record : records) {
            backOffs.remove(new TopicPartition(record.topic(), record.partition()));
        }
    }

    private void resume(MessageListenerContainer container, TopicPartition partition, Object hold) {
        if (holds.remove(partition, hold)) {
            container.resumePartition(partition);
        }
    }

    @Override
    public void destroy() {
        resumer.destroy();
    }
}
