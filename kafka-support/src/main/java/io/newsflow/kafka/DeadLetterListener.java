package io.newsflow.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of each record once it is on its dead-letter topic, so that a service can count dead letters among its
 * outcomes. A bean of this type is picked up by the shared error handler.
 */
@FunctionalInterface
public interface DeadLetterListener {

    void deadLettered(ConsumerRecord<?, ?> record, Exception reason);
}
