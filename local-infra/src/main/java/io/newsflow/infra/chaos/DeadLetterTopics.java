package io.newsflow.infra.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topics ({@code <source>.dlt}), read from outside with a consumer that joins no group: where their
 * ends are before a scenario, and every record written to them since.
 */
final class DeadLetterTopics implements AutoCloseable {

    /** Spring Kafka's header with the message of the exception that sent the record there. */
    static final String REASON_HEADER = "kafka_dlt-exception-message";

    /** One record of a dead-letter topic: its key (the article id, or a pill's) and why it is there. */
    record DeadLetter(String topic, String key, Optional<String> reason) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;

    DeadLetterTopics(String bootstrapServers, List<String> sourceTopics) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties);
        this.topics = sourceTopics.stream().map(topic -> topic + ".dlt").toList();
    }

    /** Where each partition of the dead-letter topics ends now; a topic not made yet has none. */
    Map<TopicPartition, Long> ends() {
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics) {
            var infos = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    }

    /** Every record written after {@code from} (a partition missing there is read from its beginning). */
    List<DeadLetter> since(Map<TopicPartition, Long> from) {
        var ends = ends();
        var letters = new ArrayList<DeadLetter>();
        var pending = new HashMap<TopicPartition, Long>();
        ends.forEach((partition, end) -> {
            if (end > from.getOrDefault(partition, 0L)) {
                pending.put(partition, end);
            }
        });
        if (pending.isEmpty()) {
            return letters;
        }
        consumer.assign(pending.keySet());
        pending.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                var partition = new TopicPartition(record.topic(), record.partition());
                var end = pending.get(partition);
                if (end == null || record.offset() >= end) {
                    continue;
                }
                var reason = Optional.ofNullable(record.headers().lastHeader(REASON_HEADER))
                        .map(header -> new String(header.value(), StandardCharsets.UTF_8));
                letters.add(new DeadLetter(
                        record.topic(),
                        record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8),
                        reason));
                if (record.offset() + 1 >= end) {
                    pending.remove(partition);
                }
            }
            // a transaction marker or a compacted gap can hold the last offset: the position tells
            pending.keySet().removeIf(partition -> consumer.position(partition) >= pending.get(partition));
        }
        consumer.unsubscribe();
        return letters;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
