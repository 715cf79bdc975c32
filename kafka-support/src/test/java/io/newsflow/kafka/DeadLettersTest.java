package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

class DeadLettersTest {

    record Event(String name) {}

    @Test
    void sendsRecordsToTheDeadLetterTopicOnTheirPartitionBytesAsTheyCameAndEventsAsJsonAndTellsOfEach()
            throws Exception {
        var topic = "dead-letters-" + UUID.randomUUID();
        var servers = TestInfrastructure.get().kafkaBootstrapServers();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(Set.of(new NewTopic(DeadLetters.topicFor(topic), 3, (short) 1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }
        var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class));
        var told = new CopyOnWriteArrayList<String>();
        var recoverer = DeadLetters.recoverer(
                producers, (record, reason) -> told.add(record.key() + ": " + reason.getMessage()));
        recoverer.setFailIfSendResultIsError(true);

        recoverer.accept(
                new ConsumerRecord<>(topic, 2, 7L, "a", "not json{".getBytes(StandardCharsets.UTF_8)),
                new IllegalStateException("undeserializable"));
        recoverer.accept(new ConsumerRecord<>(topic, 1, 8L, "b", new Event("seen")), new InvalidEventException("bad"));
        producers.destroy();

        var dead = KafkaRecords.readAll(DeadLetters.topicFor(topic));
        assertThat(dead)
                .extracting(ConsumerRecord::key, ConsumerRecord::partition, ConsumerRecord::value)
                .containsExactlyInAnyOrder(tuple("a", 2, "not json{"), tuple("b", 1, "{\"name\":\"seen\"}"));
        assertThat(told).containsExactly("a: undeserializable", "b: bad");
    }
}
