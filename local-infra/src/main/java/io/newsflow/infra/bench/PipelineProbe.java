package io.newsflow.infra.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches the pipeline while a run flows: when each article (by its id, the records' key) reached the raw and the
 * enriched topic (the records' own timestamps: when ingest and enrich wrote them), and when a search of the index
 * first saw it (polled without a refresh, so the index's own refresh interval counts, as it does for a reader).
 */
final class PipelineProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TERMS = 60_000;

    final Map<String, Long> raw = new ConcurrentHashMap<>();
    final Map<String, Long> enriched = new ConcurrentHashMap<>();
    final Map<String, Long> searchable = new ConcurrentHashMap<>();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    PipelineProbe(
            String bootstrap, String rawTopic, String enrichedTopic, URI elasticsearch, String alias, String source) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        var consumer = new KafkaConsumer<String, byte[]>(properties);
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : List.of(rawTopic, enrichedTopic)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // the positions are resolved now, before the first article is sent, not lazily on the first poll
        partitions.forEach(consumer::position);
        threads.add(Thread.ofPlatform().daemon().name("bench-kafka").start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.key() == null) {
                            continue;
                        }
                        var seen = record.topic().equals(rawTopic) ? raw : enriched;
                        seen.putIfAbsent(record.key(), record.timestamp());
                    }
                }
            }
        }));
        var search = elasticsearch.resolve("/" + alias + "/_search");
        threads.add(Thread.ofPlatform().daemon().name("bench-search").start(() -> {
            while (running.get()) {
                try {
                    var response = Http.send("POST", search, "application/json", unseen(source, searchable.keySet()));
                    var now = System.currentTimeMillis();
                    if (response.statusCode() == 200) {
                        for (var hit :
                                JSON.readTree(response.body()).path("hits").path("hits")) {
                            searchable.putIfAbsent(
                                    hit.path("fields").path("id").path(0).asString(""), now);
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a slow answer under load is retried by the next poll
                }
            }
        }));
    }

    /**
     * The search for the run's articles not seen yet, their ids from doc values. Asking for every article of the run
     * ten times a second, each with its {@code _source}, cost Elasticsearch about 40 ms of CPU a poll at 1,500
     * articles: the probe's own load was a good part of what Elasticsearch spent during a flow.
     */
    static String unseen(String source, Collection<String> seen) {
        var query = JSON.createObjectNode()
                .put("size", 10_000)
                .put("_source", false)
                .put("track_total_hits", false);
        query.putArray("docvalue_fields").add("id");
        var bool = query.putObject("query").putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("source", source);
        var ids = bool.putArray("must_not").addObject().putObject("terms").putArray("id");
        // a terms query takes at most 65,536 terms; beyond, seen ones come back again, which putIfAbsent ignores
        seen.stream().limit(MAX_TERMS).forEach(ids::add);
        return JSON.writeValueAsString(query);
    }

    @Override
    public void close() {
        running.set(false);
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
