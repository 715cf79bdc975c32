package io.newsflow.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Reads a compacted topic from its beginning into a local view: every partition assigned by hand, outside any
 * consumer group, never committing, never creating the topic. Two ways to read:
 *
 * <ul>
 *   <li>{@link #follow}: in a thread of its own, catch up to the end offsets seen at start ({@link #isCaughtUp()},
 *       {@link #awaitCaughtUp}), then keep reading until {@link #stop()}. A topic that does not exist yet, or a Kafka
 *       failure, is retried with the {@link BackOff}, resuming after the last record handed over.
 *   <li>{@link #catchUp}: in the caller's thread, read up to the end offsets seen at start and return.
 * </ul>
 *
 * <p>Tombstones reach the handler as records with a {@code null} value: the view decides what they delete. A record
 * the deserializer cannot read is skipped with a warning, so that one bad record never stops a view.
 *
 * @param <K> the key type of the consumer factory
 * @param <V> the value type of the consumer factory
 */
public final class CompactedTopicReader<K, V> {

    /** Takes one poll's records, in offset order per partition. */
    @FunctionalInterface
    public interface Handler<K, V> {
        void handle(List<ConsumerRecord<K, V>> records) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<K, V> consumers;
    private final String topic;
    private final String clientId;
    private final Properties overrides = new Properties();
    private final BackOff backOff;
    private volatile CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private final Set<Consumer<K, V>> open = ConcurrentHashMap.newKeySet();

    private volatile Thread follower;

    /**
     * @param consumers the service's consumer factory, whose configuration (bootstrap servers, deserializers, ...)
     *     the reader's consumers use
     * @param topic the compacted topic
     * @param clientId the prefix of the consumers' client id, which names them in the broker's logs and metrics
     * @param consumerOverrides properties that replace the factory's ones (deserializers, isolation level); the
     *     reader itself sets auto commit and topic auto-creation off and resets to the earliest offset
     * @param backOff the pauses between attempts after a failure; when it stops, the reader gives up
     */
    public CompactedTopicReader(
            ConsumerFactory<K, V> consumers,
            String topic,
            String clientId,
            Map<String, ?> consumerOverrides,
            BackOff backOff) {
        this.consumers = Objects.requireNonNull(consumers);
        this.topic = Objects.requireNonNull(topic);
        this.clientId = Objects.requireNonNull(clientId);
        this.backOff = Objects.requireNonNull(backOff);
        overrides.putAll(consumerOverrides);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    /** Retries from half a second, doubling up to ten seconds, for ever. */
    public static BackOff defaultBackOff() {
        var backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    public String topic() {
        return topic;
    }

    /**
     * Starts reading in a thread of its own: the whole topic up to the end offsets it has when first read, then
     * whatever is written to it until {@link #stop()}. After a stop it can follow again, from the beginning: a Spring
     * lifecycle is stopped and started again, for example when the test framework pauses and resumes a cached context.
     *
     * @throws IllegalStateException when this reader follows already
     */
    public synchronized void follow(Handler<K, V> handler) {
        if (follower != null && follower.isAlive()) {
            throw new IllegalStateException("The reader of " + topic + " follows already");
        }
        if (stopped.getCount() == 0) {
            stopped = new CountDownLatch(1);
            caughtUp = new CountDownLatch(1);
        }
        follower = Thread.ofPlatform().name(clientId + "-reader").daemon().start(() -> followUntilStopped(handler));
    }

    /** Whether {@link #follow} has read the topic up to the end offsets it saw at start. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until {@link #follow} has caught up; {@code false} when the timeout passed first. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the topic from its beginning up to the end offsets it has now, in the caller's thread, retrying Kafka
     * failures with the back-off. A topic that does not exist is empty.
     *
     * @return how many records were handed to the handler
     * @throws InterruptedException when interrupted, or when {@link #stop()} was called
     * @throws KafkaException when Kafka kept failing until the back-off stopped
     */
    public long catchUp(Handler<K, V> handler) throws InterruptedException {
        var read = new Read(handler, false);
        while (true) {
            var consumer = open();
            try {
                var partitions = partitions(consumer);
                if (!partitions.isEmpty()) {
                    read.from(consumer, partitions);
                }
                return read.records;
            } catch (WakeupException e) {
                throw new InterruptedException("The reader of " + topic + " was stopped");
            } catch (KafkaException e) {
                pause(read.retries(), e);
            } finally {
                close(consumer);
            }
        }
    }

    /** Ends {@link #follow} and any {@link #catchUp} in progress, and waits (a few seconds at most) for them. */
    public synchronized void stop() {
        stopped.countDown();
        open.forEach(Consumer::wakeup);
        var thread = follower;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        var thread = follower;
        return thread != null && thread.isAlive();
    }

    private void followUntilStopped(Handler<K, V> handler) {
        var read = new Read(handler, true);
        while (stopped.getCount() > 0) {
            var consumer = open();
            try {
                var partitions = partitions(consumer);
                if (partitions.isEmpty()) {
                    // An empty assignment would count as caught up and would never see the topic's records.
                    throw new KafkaException("The topic " + topic + " does not exist (yet)");
                }
                read.from(consumer, partitions);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                try {
                    pause(read.retries(), e);
                } catch (KafkaException gaveUp) {
                    log.error("Gave up reading {}; the view stays as it is", topic, gaveUp);
                    return;
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Reading {} failed unexpectedly; the view stays as it is", topic, e);
                return;
            } finally {
                close(consumer);
            }
        }
    }

    /** One reading of the topic, which survives the consumers it uses: it resumes where the last one stopped. */
    private final class Read {

        private final Handler<K, V> handler;
        private final boolean follow;
        private final Map<TopicPartition, Long> resume = new HashMap<>();
        private final long started = System.nanoTime();
        private Map<TopicPartition, Long> end;
        private long records;
        private BackOffExecution retries;

        Read(Handler<K, V> handler, boolean follow) {
            this.handler = handler;
            this.follow = follow;
        }

        void from(Consumer<K, V> consumer, List<TopicPartition> partitions) throws InterruptedException {
            consumer.assign(partitions);
            for (var partition : partitions) {
                var next = resume.get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
            }
            if (end == null) {
                end = consumer.endOffsets(partitions);
            }
            while (stopped.getCount() > 0) {
                if (!(follow && isCaughtUp()) && reachedEnd(consumer, partitions)) {
                    if (!follow) {
                        return;
                    }
                    log.info(
                            "Read {} to the end it had at start: {} records in {} ms",
                            topic,
                            records,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    caughtUp.countDown();
                }
                poll(consumer, partitions);
            }
            throw new WakeupException();
        }

        /** The pauses after failures since the last successful poll. */
        BackOffExecution retries() {
            if (retries == null) {
                retries = backOff.start();
            }
            return retries;
        }

        private boolean reachedEnd(Consumer<K, V> consumer, List<TopicPartition> partitions) {
            return partitions.stream().allMatch(p -> consumer.position(p) >= end.getOrDefault(p, 0L));
        }

        private void poll(Consumer<K, V> consumer, List<TopicPartition> partitions) throws InterruptedException {
            List<ConsumerRecord<K, V>> batch = new ArrayList<>();
            try {
                consumer.poll(POLL).forEach(batch::add);
                retries = null;
            } catch (RecordDeserializationException e) {
                log.warn(
                        "Skipping an unreadable record at {}@{}: {}",
                        e.topicPartition(),
                        e.offset(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                consumer.seek(e.topicPartition(), e.offset() + 1);
                resume.put(e.topicPartition(), e.offset() + 1);
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            handler.handle(batch);
            records += batch.size();
            for (var partition : partitions) {
                resume.put(partition, consumer.position(partition));
            }
        }
    }

    private Consumer<K, V> open() {
        var consumer = consumers.createConsumer(null, clientId, null, overrides);
        open.add(consumer);
        if (stopped.getCount() == 0) {
            // stop() may have looked at the open consumers before this one was added
            consumer.wakeup();
        }
        return consumer;
    }

    private void close(Consumer<K, V> consumer) {
        open.remove(consumer);
        consumer.close(Duration.ofSeconds(5));
    }

    private List<TopicPartition> partitions(Consumer<K, V> consumer) {
        return consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private void pause(BackOffExecution execution, KafkaException failure) throws InterruptedException {
        var millis = execution.nextBackOff();
        if (millis == BackOffExecution.STOP) {
            throw failure;
        }
        log.warn("Reading {} failed, retrying in {} ms: {}", topic, millis, failure.toString());
        if (stopped.await(millis, TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("The reader of " + topic + " was stopped");
        }
    }
}
