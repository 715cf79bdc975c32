package io.newsflow.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Where a record that cannot be processed goes: the topic {@code <source>.dlt}, on the same partition. */
public final class DeadLetters {

    public static final String SUFFIX = ".dlt";

    private DeadLetters() {}

    public static String topicFor(String sourceTopic) {
        return sourceTopic + SUFFIX;
    }

    static TopicPartition destination(ConsumerRecord<?, ?> record, Exception ignored) {
        // The dead-letter topic has as many partitions as its source, so an article's failures stay in order.
        return new TopicPartition(topicFor(record.topic()), record.partition());
    }
}
