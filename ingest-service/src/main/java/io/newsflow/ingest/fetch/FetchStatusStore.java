package io.newsflow.ingest.fetch;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.kafka.CompactedTopicReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

/**
 * Every article's latest fetch state, on a compacted topic keyed by article id that every instance reads whole and
 * follows, so that any instance answers the status API and the fetcher that takes a host's next request finds the
 * validators of the page's last fetch.
 */
@Component
class FetchStatusStore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FetchStatusStore.class);

    private final KafkaTemplate<String, Object> kafka;
    private final CompactedTopicReader<String, FetchStatus> reader;
    private final Map<String, FetchStatus> statuses = new ConcurrentHashMap<>();
    private volatile boolean running;

    @SuppressWarnings("unchecked")
    FetchStatusStore(
            KafkaTemplate<String, Object> kafka, ConsumerFactory<?, ?> consumerFactory, IngestProperties properties) {
        this.kafka = kafka;
        this.reader = new CompactedTopicReader<>(
                (ConsumerFactory<String, FetchStatus>) consumerFactory,
                properties.ingest().fetch().statusTopic(),
                "fetch-status",
                Map.of(
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        JacksonJsonDeserializer.class,
                        JacksonJsonDeserializer.VALUE_DEFAULT_TYPE,
                        FetchStatus.class.getName(),
                        JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS,
                        false),
                CompactedTopicReader.defaultBackOff());
    }

    Optional<FetchStatus> find(String articleId) {
        return Optional.ofNullable(statuses.get(articleId));
    }

    /** Saves a state; this instance sees it at once, the others once they read it. */
    CompletableFuture<Void> save(FetchStatus status) {
        statuses.merge(status.articleId(), status, FetchStatusStore::later);
        try {
            return kafka.send(reader.topic(), status.articleId(), status).thenApply(result -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Saves a state without waiting: a state is a report, and the next one replaces it anyway. */
    void report(FetchStatus status) {
        save(status).exceptionally(failure -> {
            log.warn("The fetch state of {} was not saved: {}", status.articleId(), failure.getMessage());
            return null;
        });
    }

    @Override
    public void start() {
        running = true;
        reader.follow(records -> records.forEach(this::apply));
    }

    @Override
    public void stop() {
        running = false;
        reader.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void apply(ConsumerRecord<String, FetchStatus> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            statuses.remove(record.key());
        } else {
            statuses.merge(record.key(), record.value(), FetchStatusStore::later);
        }
    }

    /** Our own write reaches the map before its record comes back from the topic: the newer of the two stays. */
    private static FetchStatus later(FetchStatus current, FetchStatus candidate) {
        return candidate.updatedAt().isBefore(current.updatedAt()) ? current : candidate;
    }
}
