package io.newsflow.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Where a record that cannot be processed goes: the topic {@code <source>.dlt}, on the same partition. */
public final class DeadLetters {

    private static final String SUFFIX = ".dlt";

    private DeadLetters() {}

    public static String topicFor(String sourceTopic) {
        return sourceTopic + SUFFIX;
    }

    /**
     * Publishes a failed record to {@code <source>.dlt} on the same partition, with Spring Kafka's headers naming the
     * exception and the record's origin.
     */
    public static DeadLetterPublishingRecoverer recoverer(ProducerFactory<Object, Object> producerFactory) {
        return recoverer(producerFactory, (record, reason) -> {});
    }

    /** The same, telling the listener of each record once it is on the dead-letter topic. */
    public static DeadLetterPublishingRecoverer recoverer(
            ProducerFactory<Object, Object> producerFactory, DeadLetterListener listener) {
        // A record that could not be deserialized reaches the recoverer as its original bytes: publish those
        // unchanged; everything else is an event object and goes through the configured JSON serializer.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(
                byte[].class,
                new KafkaTemplate<>(
                        producerFactory,
                        Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        templates.put(Object.class, new KafkaTemplate<>(producerFactory));
        return new DeadLetterPublishingRecoverer(templates, DeadLetters::destination) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, exception);
                listener.deadLettered(record, exception);
            }
        };
    }

    static TopicPartition destination(ConsumerRecord<?, ?> record, Exception ignored) {
        // The dead-letter topic has as many partitions as its source, so an article's failures stay in order.
        return new TopicPartition(topicFor(record.topic()), record.partition());
    }
}
