package io.newsflow.ingest.state;

import io.newsflow.ingest.IngestProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka side of the {@link Ledger}: a compacted topic keyed by article id whose last record per id is that
 * article's latest {@link ArticleState}. Every instance reads the whole topic at start (and is not ready until it
 * has), then keeps reading it, so that what one instance published becomes known to all of them and survives
 * restarts.
 *
 * <p>The reader is a plain consumer outside any consumer group: every instance needs every partition.
 */
@Component
public class IngestStateTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestStateTopic.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ConsumerFactory<?, ?> consumerFactory;
    private final KafkaTemplate<String, Object> kafka;
    private final Ledger ledger;
    private final JsonMapper json;
    private final String topic;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread reader;

    IngestStateTopic(
            ConsumerFactory<?, ?> consumerFactory,
            ProducerFactory<String, Object> producerFactory,
            Ledger ledger,
            JsonMapper json,
            IngestProperties properties) {
        this.consumerFactory = consumerFactory;
        // A producer of its own, uncompressed: a state record is an id and a hash, random hex that no codec shrinks,
        // and compressing its small batches would only allocate a codec's buffers for each of them.
        this.kafka = new KafkaTemplate<>(
                producerFactory, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, CompressionType.NONE.name));
        this.ledger = ledger;
        this.json = json;
        this.topic = properties.topics().ingestState();
    }

    /** Records an article's new state; completes when Kafka acknowledged it. */
    public CompletableFuture<Void> record(String articleId, ArticleState state) {
        try {
            return kafka.send(topic, articleId, state).thenApply(result -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether the whole topic, as it was when this instance started, has been read into the ledger. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void start() {
        running = true;
        reader = Thread.ofPlatform().name("ingest-state-reader").daemon().start(this::readForever);
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readForever() {
        while (running) {
            try (var current = createConsumer()) {
                consumer = current;
                read(current);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                log.warn("Reading the ingest state topic {} failed, retrying in {}: {}", topic, RETRY, e.toString());
                awaitStopOr(RETRY);
            }
        }
    }

    private void read(Consumer<String, byte[]> current) {
        var partitions = current.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            // Not created yet: an empty assignment would count as caught up and never see the topic's records.
            throw new KafkaException("The ingest state topic " + topic + " does not exist (yet)");
        }
        current.assign(partitions);
        current.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = current.endOffsets(partitions);
        var started = System.nanoTime();
        var records = 0L;
        while (running) {
            for (var record : current.poll(POLL)) {
                apply(record);
                records++;
            }
            if (!isCaughtUp() && partitions.stream().allMatch(p -> current.position(p) >= end.get(p))) {
                caughtUp.countDown();
                log.info(
                        "Read the ingest state topic {}: {} records, {} articles known, in {} ms",
                        topic,
                        records,
                        ledger.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            ledger.forget(record.key());
            return;
        }
        try {
            ledger.apply(record.key(), json.readValue(record.value(), ArticleState.class));
        } catch (JacksonException e) {
            log.warn(
                    "Ignoring an unreadable record for article {} at offset {} of {}: {}",
                    record.key(),
                    record.offset(),
                    topic,
                    e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> createConsumer() {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "ingest-state", null, overrides);
    }

    private void awaitStopOr(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
