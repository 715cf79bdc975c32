package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records that are no article, produced straight onto a topic, past ingest: bytes that are not JSON, JSON cut short,
 * and JSON of another shape. Each has a key of its own (the enriched topic is compacted and takes no record without
 * one), by which the dead-letter topic is searched for it.
 */
final class PoisonPills {

    /** What each pill holds, by the name its key carries. */
    static final List<Pill> KINDS = List.of(
            new Pill("binary", new byte[] {0, (byte) 0xff, (byte) 0xfe, 0x13, 0x37, 0}),
            new Pill(
                    "truncated-json",
                    "{\"articleId\": \"chaos\", \"article\": {\"title\": \"cut".getBytes(StandardCharsets.UTF_8)),
            new Pill("wrong-shape", "{\"hello\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8)));

    record Pill(String kind, byte[] value) {}

    private PoisonPills() {}

    /** The key of a pill of the run on a topic. */
    static String key(String run, String topic, String kind) {
        return "chaos-pill-" + run + "-" + topic + "-" + kind;
    }

    /** Produces every kind of pill onto each topic and answers their keys once the broker acknowledged them all. */
    static List<String> produce(String bootstrapServers, String run, List<String> topics) {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        var keys = new ArrayList<String>();
        try (var producer = new KafkaProducer<byte[], byte[]>(properties)) {
            var sends = new ArrayList<java.util.concurrent.Future<?>>();
            for (var topic : topics) {
                for (var pill : KINDS) {
                    var key = key(run, topic, pill.kind());
                    keys.add(key);
                    sends.add(producer.send(
                            new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), pill.value())));
                }
            }
            for (var send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraException("Producing the poison pills failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while producing the poison pills", e);
        }
        return keys;
    }
}
