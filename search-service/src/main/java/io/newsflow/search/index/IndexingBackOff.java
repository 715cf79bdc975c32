package io.newsflow.search.index;

import io.newsflow.search.SearchProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Holds back a batch that Elasticsearch could not take: each of its partitions is sought back to the batch's first
 * offset and paused for a growing while, then resumed, so the next poll delivers the same records again. Nothing is
 * committed meanwhile, and the consumer keeps polling, so a long outage costs no group membership.
 *
 * <p>Spring Kafka's own batch retry (the fallback of {@code DefaultErrorHandler}) is not used because it retries the
 * batch in a loop inside the error handler: when a rebalance happens during that loop, the batch still holds records
 * of partitions that now belong to another consumer, and acknowledging it after recovery commits their old offsets
 * over the newer ones of the new owner, which then never commits again. Here a batch never outlives its poll: after
 * a rebalance, the owner of a partition simply reads it from its last committed offset.
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
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexing-resume").daemon().factory());

    IndexingBackOff(KafkaListenerEndpointRegistry registry, SearchProperties properties) {
        this.registry = registry;
        var indexing = properties.search().indexing();
        // no max attempts and no max elapsed time: retried until Elasticsearch takes the batch
        this.backOff = new ExponentialBackOff(indexing.retryInitial().toMillis(), 2.0);
        this.backOff.setMaxInterval(indexing.retryMax().toMillis());
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
            resumer.schedule(() -> resume(container, partition, hold), pause, TimeUnit.MILLISECONDS);
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
        resumer.shutdownNow();
    }
}
