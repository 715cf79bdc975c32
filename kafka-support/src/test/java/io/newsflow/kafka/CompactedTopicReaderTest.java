package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.TestInfrastructure;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.util.backoff.FixedBackOff;

class CompactedTopicReaderTest {

    private static Admin admin;
    private static KafkaProducer<String, byte[]> producer;

    private final List<CompactedTopicReader<?, ?>> readers = new CopyOnWriteArrayList<>();
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() {
        var servers = TestInfrastructure.get().kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
    }

    @AfterEach
    void stopReaders() {
        readers.forEach(CompactedTopicReader::stop);
    }

    @Test
    void catchesUpToTheEndSeenAtStartAndReturnsHowManyRecordsItRead() throws Exception {
        var topic = createdTopic();
        write(topic, "a", "1", "b", "2", "c", "3", "a", "4");

        var read = reader(topic).catchUp(seen::addAll);

        assertThat(read).isEqualTo(4);
        assertThat(seen).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void catchesUpWithAMissingTopicAsAnEmptyOneAndDoesNotCreateIt() throws Exception {
        var topic = "reader-missing-" + UUID.randomUUID();

        assertThat(reader(topic).catchUp(seen::addAll)).isZero();
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);
    }

    @Test
    void followsAfterCatchingUp() throws Exception {
        var topic = createdTopic();
        write(topic, "a", "1", "b", "2");
        var reader = reader(topic);

        reader.follow(seen::addAll);

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(reader.isCaughtUp()).isTrue();
        assertThat(seen).hasSize(2);
        write(topic, "c", "3");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(seen).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("1", "2", "3"));
    }

    @Test
    void isCaughtUpAtOnceOnAnEmptyTopic() throws Exception {
        var reader = reader(createdTopic());

        reader.follow(seen::addAll);

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void handsTombstonesOverAsRecordsWithoutValue() throws Exception {
        var topic = createdTopic();
        write(topic, "a", "1", "a", null);

        reader(topic).catchUp(seen::addAll);

        assertThat(seen)
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("a", "1"), tuple("a", null));
    }

    @Test
    void waitsForATopicCreatedAfterItStarted() throws Exception {
        var topic = "reader-later-" + UUID.randomUUID();
        var reader = reader(topic);

        reader.follow(seen::addAll);

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(1))).isFalse();
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);
        create(topic);
        write(topic, "a", "1");
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(seen).extracting(ConsumerRecord::value).containsExactly("1"));
    }

    @Test
    void skipsARecordItCannotDeserialize() throws Exception {
        var topic = createdTopic(1);
        producer.send(new ProducerRecord<>(
                topic, "a", ByteBuffer.allocate(4).putInt(1).array()));
        producer.send(new ProducerRecord<>(topic, "b", new byte[] {1, 2, 3}));
        producer.send(new ProducerRecord<>(
                topic, "c", ByteBuffer.allocate(4).putInt(3).array()));
        producer.flush();
        var values = new CopyOnWriteArrayList<Integer>();
        var reader = track(new CompactedTopicReader<>(
                new DefaultKafkaConsumerFactory<>(config(), new StringDeserializer(), new IntegerDeserializer()),
                topic,
                "test-reader",
                Map.of(),
                new FixedBackOff(100, 3)));

        var read = reader.catchUp(records -> records.forEach(record -> values.add(record.value())));

        assertThat(values).containsExactly(1, 3);
        assertThat(read).isEqualTo(2);
    }

    @Test
    void stopsPromptlyWhileFollowing() throws Exception {
        var reader = reader(createdTopic());
        reader.follow(seen::addAll);
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();

        var started = System.nanoTime();
        reader.stop();

        assertThat(reader.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void followsAgainFromTheBeginningAfterAStopAsARestartedLifecycleDoes() throws Exception {
        var topic = createdTopic();
        write(topic, "a", "1");
        var reader = reader(topic);
        reader.follow(seen::addAll);
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        reader.stop();
        write(topic, "b", "2");
        seen.clear();

        reader.follow(seen::addAll);

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(seen).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("1", "2");
        write(topic, "c", "3");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(seen).extracting(ConsumerRecord::value).contains("3"));
        assertThatThrownBy(() -> reader.follow(seen::addAll)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopsPromptlyWhileWaitingForItsTopic() {
        var reader = reader("reader-never-" + UUID.randomUUID());
        reader.follow(seen::addAll);

        var started = System.nanoTime();
        reader.stop();

        assertThat(reader.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void endsACatchUpThatWaitsForKafkaWhenStopped() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var reader = track(new CompactedTopicReader<>(
                new DefaultKafkaConsumerFactory<>(
                        Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort),
                        new StringDeserializer(),
                        new StringDeserializer()),
                "reader-unreachable",
                "test-reader",
                Map.of(),
                new FixedBackOff(200, FixedBackOff.UNLIMITED_ATTEMPTS)));
        var outcome = new CompletableFuture<Object>();
        var catchUp = Thread.ofVirtual().start(() -> {
            try {
                outcome.complete(reader.catchUp(seen::addAll));
            } catch (InterruptedException | RuntimeException e) {
                outcome.complete(e);
            }
        });
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(catchUp::isAlive);

        reader.stop();

        assertThat(catchUp.join(Duration.ofSeconds(3))).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    private CompactedTopicReader<String, String> reader(String topic) {
        return track(new CompactedTopicReader<>(
                new DefaultKafkaConsumerFactory<>(config(), new StringDeserializer(), new StringDeserializer()),
                topic,
                "test-reader",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new FixedBackOff(200, FixedBackOff.UNLIMITED_ATTEMPTS)));
    }

    private <R extends CompactedTopicReader<?, ?>> R track(R reader) {
        readers.add(reader);
        return reader;
    }

    private static Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
    }

    private static String createdTopic() throws Exception {
        return createdTopic(3);
    }

    private static String createdTopic(int partitions) throws Exception {
        var topic = "reader-" + UUID.randomUUID();
        admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1)))
                .all()
                .get(10, TimeUnit.SECONDS);
        return topic;
    }

    private static void create(String topic) throws Exception {
        admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }

    /** Writes key, value pairs; a {@code null} value is a tombstone. */
    private static void write(String topic, String... keysAndValues) throws Exception {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            var value = keysAndValues[i + 1];
            producer.send(new ProducerRecord<>(topic, keysAndValues[i], value == null ? null : value.getBytes()))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}
