package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real broker and a real node, uses them, stops them, and leaves nothing behind. */
class LocalInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void startsUsesAndStopsRealKafkaAndElasticsearch() throws Exception {
        // Elasticsearch may run as another user, who must be able to traverse the folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        LocalKafka kafka = LocalKafka.onFreePorts(dir.resolve("kafka"));
        LocalElasticsearch elasticsearch = LocalElasticsearch.onFreePort(dir.resolve("elasticsearch"));
        try (kafka;
                elasticsearch) {
            kafka.start(Duration.ofSeconds(60));
            elasticsearch.start(Duration.ofSeconds(120));
            long kafkaPid = kafka.pid();
            long elasticsearchPid = elasticsearch.pid();

            assertThat(kafka.isHealthy()).isTrue();
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("local-infra-test", 3, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                // the broker's metadata learns of the topic a moment after the controller created it
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                                admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("local-infra-test"));
            }

            assertThat(elasticsearch.isHealthy()).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> indexed = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/local-infra-test/_doc/1?refresh=true"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"peacekeeping\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(indexed.statusCode()).isEqualTo(201);
            HttpResponse<String> fetched = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/local-infra-test/_doc/1"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fetched.body()).contains("\"found\":true").contains("peacekeeping");

            // the language analysis plugin gives the node the stemming analyzers of the official image
            HttpResponse<String> analyzed = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_analyze"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"analyzer\":\"english\",\"text\":\"the flooded villages\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(analyzed.statusCode()).isEqualTo(200);
            assertThat(analyzed.body())
                    .contains("\"token\":\"flood\"")
                    .contains("\"token\":\"villag\"")
                    .doesNotContain("\"token\":\"the\"");

            kafka.stop();
            elasticsearch.stop();

            assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(ProcessHandle.of(elasticsearchPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(Ports.isFree(kafka.port())).isTrue();
            assertThat(Ports.isFree(elasticsearch.port())).isTrue();
            assertThat(LocalProcess.running(
                            LocalElasticsearch.serverPidFile(dir.resolve("elasticsearch")), "elasticsearch"))
                    .isEmpty();
        }
    }
}
