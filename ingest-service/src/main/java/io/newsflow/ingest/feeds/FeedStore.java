package io.newsflow.ingest.feeds;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.kafka.CompactedTopicReader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The feed registry and its state, kept on a compacted Kafka topic keyed by feed id: nothing but Kafka is needed to
 * survive restarts or to share the feeds among several ingest instances.
 *
 * <p>Two consumers per instance:
 *
 * <ul>
 *   <li>a <b>view</b> consumer outside any group reads every partition from the beginning and keeps the whole
 *       registry in memory, so that every instance answers the GET endpoints. The registry is small (one record per
 *       feed), which is what makes holding it all in every instance reasonable.
 *   <li>a <b>group</b> consumer, one member per instance of {@code newsflow.ingest.feeds.consumer-group}, whose
 *       assigned partitions say which feeds this instance polls. Kafka's group protocol gives each partition to
 *       exactly one live member, and a member that dies (or closes) loses its partitions to the others after a
 *       rebalance: that is the takeover, with no lease table or lock of our own. It reads no records (offsets are
 *       never committed and it starts at the end); it exists for its assignment.
 * </ul>
 *
 * <p>Trade-offs: ownership is per partition, so feeds are spread by hash rather than by load; with more instances
 * than partitions, some poll nothing. During a rebalance a poll already in flight on the old owner may overlap the
 * new owner's first poll (a conditional GET makes that cheap, and the intake's deduplication makes it harmless). The
 * view is eventually consistent: a write of another instance appears here within one fetch, and a new owner may
 * take over a state that misses the last poll of a dying owner, which costs one extra poll. Only the owner advances
 * a feed's state; other instances write registrations, poll requests and deletions, and records are merged so that
 * the state with the higher revision wins and a poll request is never lost (see {@link FeedRecord#mergedWith}). A
 * deletion races a poll in flight: the poll's state (or a poll request) written after the tombstone never brings the
 * feed back, since after a deletion only a new registration does, and the feed's owner writes the tombstone again so
 * that compaction cannot keep the late write as the feed's last record.
 */
@Component
class FeedStore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private record Entry(FeedRecord record, int partition) {}

    private final ConcurrentMap<String, Entry> feeds = new ConcurrentHashMap<>();
    /**
     * The offset of the latest deletion of a feed this instance knows of. The view may still be reading records
     * written before it (the registration, a poll's state): those must not bring the deleted feed back.
     */
    private final ConcurrentMap<String, Long> deletions = new ConcurrentHashMap<>();

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final KafkaTemplate<String, Object> kafka;
    private final ConsumerFactory<?, ?> consumers;
    private final CompactedTopicReader<String, FeedRecord> view;
    private final BackOff backOff = CompactedTopicReader.defaultBackOff();
    private final String topic;
    private final String group;
    private final Duration writeTimeout;
    private volatile CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Consumer<String, byte[]> groupConsumer;
    private Thread groupThread;

    @SuppressWarnings("unchecked")
    FeedStore(KafkaTemplate<String, Object> kafka, ConsumerFactory<?, ?> consumers, IngestProperties properties) {
        this.kafka = kafka;
        this.consumers = consumers;
        this.topic = properties.ingest().feeds().topic();
        this.group = properties.ingest().feeds().consumerGroup();
        this.writeTimeout = properties.ingest().publishTimeout();
        this.view = new CompactedTopicReader<>(
                (ConsumerFactory<String, FeedRecord>) consumers,
                topic,
                "feeds-view",
                Map.of(
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        JacksonJsonDeserializer.class,
                        JacksonJsonDeserializer.VALUE_DEFAULT_TYPE,
                        FeedRecord.class.getName(),
                        JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                backOff);
    }

    Collection<FeedRecord> all() {
        return feeds.values().stream().map(Entry::record).toList();
    }

    Optional<FeedRecord> find(String id) {
        return Optional.ofNullable(feeds.get(id)).map(Entry::record);
    }

    /** The feeds this instance polls: those on the partitions the group assigned to it. */
    List<FeedRecord> owned() {
        return feeds.values().stream()
                .filter(entry -> owned.contains(entry.partition()))
                .map(Entry::record)
                .toList();
    }

    /** The partitions of the feeds topic this instance is assigned, hence polls. */
    Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    boolean owns(String id) {
        var entry = feeds.get(id);
        return entry != null && owned.contains(entry.partition());
    }

    /** Writes the record and waits for Kafka's acknowledgement; this instance sees it at once. */
    FeedRecord save(FeedRecord record) {
        try {
            var metadata = kafka.send(topic, record.id(), record)
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            apply(record.id(), record, metadata.partition(), metadata.offset());
            return find(record.id()).orElse(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedStoreException("interrupted while saving feed " + record.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedStoreException("Kafka did not acknowledge feed " + record.id(), e);
        }
    }

    void delete(String id) {
        try {
            // A tombstone: compaction removes the feed for good.
            var metadata = kafka.send(topic, id, null)
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            deleted(id, metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedStoreException("interrupted while deleting feed " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedStoreException("Kafka did not acknowledge the deletion of feed " + id, e);
        }
    }

    /**
     * Applies a record to the view, unless it was written before the feed's latest known deletion, or after it
     * without being a new registration: a poll's state or a poll request that was in flight when the feed was
     * deleted must not bring it back.
     *
     * @return whether the record was applied
     */
    private boolean apply(String id, FeedRecord record, int partition, long offset) {
        var deletedAt = deletions.get(id);
        if (deletedAt != null) {
            if (offset < deletedAt || !record.isRegistration()) {
                return false;
            }
            deletions.remove(id, deletedAt);
        }
        feeds.compute(
                id,
                (key, known) -> known == null
                        ? new Entry(record, partition)
                        : new Entry(known.record().mergedWith(record), partition));
        return true;
    }

    private void deleted(String id, long offset) {
        deletions.merge(id, offset, Math::max);
        feeds.remove(id);
    }

    private void applyFromTopic(ConsumerRecord<String, FeedRecord> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            deleted(record.key(), record.offset());
        } else if (!apply(record.key(), record.value(), record.partition(), record.offset())
                && record.offset() > deletions.getOrDefault(record.key(), Long.MAX_VALUE)
                && owned.contains(record.partition())) {
            // A write that landed after the feed's deletion is now the feed's last record: compaction would keep it
            // and drop the tombstone, and the feed would come back at the next start. Its owner deletes it again.
            log.info("Feed {} was written to after its deletion; deleting it again", record.key());
            kafka.send(topic, record.key(), null).whenComplete((result, failure) -> {
                if (failure != null) {
                    log.warn("Could not delete feed {} again: {}", record.key(), failure.toString());
                }
            });
        }
    }

    /** Waits until the view has read the topic to the end it had at start-up. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return view.awaitCaughtUp(timeout);
    }

    @Override
    public void start() {
        // A lifecycle can be started again after a stop (the test framework pauses and resumes cached contexts).
        stopped = new CountDownLatch(1);
        running = true;
        groupConsumer = createGroupConsumer();
        view.follow(records -> records.forEach(this::applyFromTopic));
        groupThread = Thread.ofPlatform().name("feeds-owner").daemon().start(this::holdAssignment);
    }

    private Consumer<String, byte[]> createGroupConsumer() {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        @SuppressWarnings("unchecked")
        var consumer = (Consumer<String, byte[]>) consumers.createConsumer(group, "feeds-owner", null, overrides);
        return consumer;
    }

    private void holdAssignment() {
        var consumer = groupConsumer;
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> owned.remove(p.partition()));
                    log.info("No longer polling the feeds of partitions {}", partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> owned.add(p.partition()));
                    log.info("Now polling the feeds of partitions {}", partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    onPartitionsRevoked(partitions);
                }
            });
            BackOffExecution retries = null;
            while (running) {
                try {
                    consumer.poll(POLL);
                    retries = null;
                } catch (KafkaException e) {
                    if (e instanceof WakeupException wakeup) {
                        throw wakeup;
                    }
                    retries = retries == null ? backOff.start() : retries;
                    pauseAfter(e, retries.nextBackOff());
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to finish.
        } catch (RuntimeException e) {
            log.error("The feed owner consumer stopped; this instance polls no feeds", e);
        } finally {
            owned.clear();
            // Closing leaves the group at once, so another instance takes over without waiting for a session timeout.
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits before the next attempt, or until stop() ends the wait. */
    private void pauseAfter(KafkaException e, long millis) {
        log.warn("Reading {} failed; retrying in {} ms", topic, millis, e);
        try {
            if (stopped.await(millis, TimeUnit.MILLISECONDS)) {
                throw new WakeupException();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        owned.clear();
        view.stop();
        groupConsumer.wakeup();
        try {
            groupThread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the scheduler (which runs in a later phase), so no poll writes to a closed store. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
