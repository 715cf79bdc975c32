package io.newsflow.ingest.benchmark;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.EventHeaders;
import io.newsflow.events.Source;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least any HTTP front door to Kafka has to do for a batch, as a second baseline: read the JSON array, derive an
 * id and a content hash per article, send the events with a plain producer, answer once Kafka acknowledged them. No
 * validation, deduplication, revisions, metrics or problem details. On a machine where client, broker and service
 * share the cores, its rate is the ceiling for the batch endpoint: the part of the gap to the plain producer that
 * this bridge shows too is the cost of HTTP and JSON, not of the service.
 */
final class HttpBridge implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<List<Item>> BATCH = new TypeReference<>() {};

    record Item(String title, String body, String url, List<String> authors, Instant publishedAt, SourceItem source) {}

    record SourceItem(String name, String domain) {}

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final HttpServer server;

    HttpBridge(KafkaProducer<String, byte[]> producer, String topic) throws IOException {
        this.producer = producer;
        this.topic = topic;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/articles/batch", exchange -> {
            try (exchange) {
                var answer = accept(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private byte[] accept(byte[] body) throws Exception {
        var items = json.readValue(body, BATCH);
        var acks = new ArrayList<Future<RecordMetadata>>(items.size());
        for (var item : items) {
            var article = new Article(
                    item.title(),
                    item.body(),
                    item.url(),
                    null,
                    item.authors(),
                    item.publishedAt(),
                    null,
                    null,
                    List.of(),
                    null);
            var id = HexFormat.of().formatHex(sha256(item.url()), 0, 16);
            var event = ArticleIngested.of(
                    id,
                    1,
                    Instant.now(),
                    "sha256:" + HexFormat.of().formatHex(sha256(item.body())),
                    Source.pushed(item.source().name(), item.source().domain()),
                    article);
            var record = new ProducerRecord<>(topic, id, json.writeValueAsBytes(event));
            EventHeaders.of(ArticleIngested.TYPE, event.schemaVersion()).forEach(record.headers()::add);
            acks.add(producer.send(record));
        }
        for (var ack : acks) {
            ack.get(2, TimeUnit.MINUTES);
        }
        return ("{\"accepted\":" + items.size() + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs the bridge as a process of its own, as the service runs, so that the harness measures the CPU of each
     * server alone (its HTTP client stays in the harness for both). Arguments: the broker and the topic; prints
     * {@code BRIDGE <url>} once it listens.
     */
    public static void main(String[] args) throws Exception {
        var bridge = new HttpBridge(BatchIngestBenchmark.baselineProducer(args[0]), args[1]);
        System.out.println("BRIDGE " + bridge.url());
        System.out.flush();
        // until the harness destroys the process
        new java.util.concurrent.CountDownLatch(1).await();
    }

    @Override
    public void close() {
        server.stop(0);
        producer.close();
    }
}
