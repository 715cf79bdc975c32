package io.newsflow.infra.bench;

import io.newsflow.infra.InfraException;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw anchors: the same payloads written by plain clients, in the same run, so that each stage's rate has a
 * ceiling measured on this machine under this load: a Kafka producer into a scratch topic (acks=all, as ingest
 * waits for), and bulk requests into a scratch Elasticsearch index, refreshed at the end (as search must be).
 */
final class Anchors {

    private final String bootstrap;
    private final URI elasticsearch;

    Anchors(String bootstrap, URI elasticsearch) {
        this.bootstrap = bootstrap;
        this.elasticsearch = elasticsearch;
    }

    /** Seconds to write and have acknowledged every payload, keyed like ingest keys them. */
    double kafka(String topic, int partitions, List<String> keys, List<byte[]> payloads) {
        try (var admin = Admin.create(adminProperties())) {
            await(
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                            .all(),
                    "create the scratch topic " + topic);
        }
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (var producer = new KafkaProducer<String, byte[]>(properties)) {
            // the metadata fetch is not part of the writes
            producer.partitionsFor(topic);
            var started = System.nanoTime();
            for (var i = 0; i < payloads.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), payloads.get(i)));
            }
            producer.flush();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    void deleteTopic(String topic) {
        try (var admin = Admin.create(adminProperties())) {
            await(admin.deleteTopics(List.of(topic)).all(), "delete the scratch topic " + topic);
        }
    }

    int partitions(String topic) {
        try (var admin = Admin.create(adminProperties())) {
            return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    /** Seconds to bulk-index every payload (500 a request) and have them searchable (a refresh at the end). */
    double elasticsearch(String index, List<String> ids, List<String> documents) {
        var created = Http.send("PUT", elasticsearch.resolve("/" + index), "application/json", "{}");
        if (created.statusCode() != 200) {
            throw new InfraException("Cannot create the scratch index " + index + ": " + created.body());
        }
        var started = System.nanoTime();
        for (var from = 0; from < documents.size(); from += 500) {
            var bulk = new StringBuilder();
            for (var i = from; i < Math.min(documents.size(), from + 500); i++) {
                bulk.append("{\"index\":{\"_id\":\"").append(ids.get(i)).append("\"}}\n");
                bulk.append(documents.get(i)).append('\n');
            }
            var response = Http.send(
                    "POST", elasticsearch.resolve("/" + index + "/_bulk"), "application/x-ndjson", bulk.toString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                throw new InfraException("The scratch bulk request failed: HTTP " + response.statusCode() + " "
                        + response.body()
                                .substring(0, Math.min(500, response.body().length())));
            }
        }
        Http.send("POST", elasticsearch.resolve("/" + index + "/_refresh"), "application/json", null);
        return (System.nanoTime() - started) / 1e9;
    }

    void deleteIndex(String index) {
        Http.send("DELETE", elasticsearch.resolve("/" + index), "application/json", null);
    }

    /** The admin call's result within 30 s; {@code what} names it in the error ("Cannot " + what). */
    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraException("Cannot " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted", e);
        }
    }

    private Properties adminProperties() {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }
}
