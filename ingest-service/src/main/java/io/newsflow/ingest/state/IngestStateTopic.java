package io.newsflow.ingest.state;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.kafka.CompactedTopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

/**
 * The Kafka side of the {@link Ledger}: a compacted topic keyed by article id whose last record per id is that
 * article's latest {@link ArticleState}. Every instance reads the whole topic at start (and is not ready until it
 * has), then keeps reading it, so that what one instance published becomes known to all of them and survives
 * restarts. Every instance needs every partition, so the reader stays outside any consumer group.
 */
@Component
public class IngestStateTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestStateTopic.class);

    private final KafkaTemplate<String, Object> kafka;
    private final Ledger ledger;
    private final CompactedTopicReader<String, ArticleState> reader;
    private final Set<String> behind = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    @SuppressWarnings("unchecked")
    IngestStateTopic(
            ConsumerFactory<?, ?> consumerFactory,
            ProducerFactory<String, Object> producerFactory,
            Ledger ledger,
            IngestProperties properties) {
        // A producer of its own, uncompressed: a state record is an id and a hash, random hex that no codec shrinks,
        // and compressing its small batches would only allocate a codec's buffers for each of them.
        this.kafka = new KafkaTemplate<>(
                producerFactory, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, CompressionType.NONE.name));
        this.ledger = ledger;
        this.reader = new CompactedTopicReader<>(
                (ConsumerFactory<String, ArticleState>) consumerFactory,
                properties.topics().ingestState(),
                "ingest-state",
                Map.of(
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        JacksonJsonDeserializer.class,
                        JacksonJsonDeserializer.VALUE_DEFAULT_TYPE,
                        ArticleState.class.getName(),
                        JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS,
                        false),
                CompactedTopicReader.defaultBackOff());
    }

    /** Records an article's new state; completes when Kafka acknowledged it. */
    public CompletableFuture<Void> record(String articleId, ArticleState state) {
        try {
            return kafka.send(topic(), articleId, state).thenApply(result -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether the whole topic, as it was when this instance started, has been read into the ledger. */
    public boolean isCaughtUp() {
        return reader.isCaughtUp();
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    public String topic() {
        return reader.topic();
    }

    @Override
    public void start() {
        running = true;
        reader.follow(records -> {
            records.forEach(this::apply);
            repair();
        });
    }

    @Override
    public void stop() {
        running = false;
        reader.stop();
        kafka.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server's graceful drain: a request in flight at SIGTERM still records its article's state
     * before its 202, so that the article is a duplicate, not new, to the next instance.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1;
    }

    private void apply(ConsumerRecord<String, ArticleState> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            behind.remove(record.key());
            ledger.forget(record.key());
        } else if (ledger.apply(record.key(), record.value())) {
            behind.add(record.key());
        } else {
            behind.remove(record.key());
        }
    }

    /**
     * Writes the newer state again for each id whose last record is older than what this instance holds. Two
     * instances that take two versions of one item at once both publish (the index keeps the higher revision, by
     * external version), but their state records may land in either order; if the older one lands last, compaction
     * would keep it, and an instance started later would take the older version for the newest and give the next
     * change a revision the index already has. Every instance that sees this writes the newer state once (the same
     * record, so the repeats change nothing); a record that is not behind clears the id, so that a repair already on
     * the topic in the same batch is not written again.
     */
    private void repair() {
        for (var id : List.copyOf(behind)) {
            behind.remove(id);
            ledger.get(id).ifPresent(state -> {
                log.info("The last state record of {} was older than revision {}: written again", id, state.revision());
                record(id, state);
            });
        }
    }
}
