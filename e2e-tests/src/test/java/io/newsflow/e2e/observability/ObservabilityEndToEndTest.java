package io.newsflow.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.e2e.ServiceProcess;
import io.newsflow.e2e.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services as separate processes, exporting their spans to a span receiver in this test (OTLP/HTTP, as to
 * a collector) and logging JSON (ECS): one pushed article is one trace from ingest's HTTP request through enrich to
 * its indexing, its log lines carry that trace id and the article id, and every metric the Grafana dashboard reads is
 * one the services expose.
 */
class ObservabilityEndToEndTest {

    private static final StackSettings STACK = StackSettings.newRun("e2e-obs");
    private static final String RUN = STACK.run();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static SpanReceiver receiver;

    @BeforeAll
    static void startServices() {
        receiver = SpanReceiver.start();
        var tracing = Map.of(
                "management.tracing.sampling.probability",
                "1.0",
                "management.opentelemetry.tracing.export.otlp.endpoint",
                receiver.endpoint().toString(),
                "management.opentelemetry.tracing.export.schedule-delay",
                "200ms",
                "logging.structured.format.console",
                "ecs");
        services.put("ingest-service", ServiceProcess.start("ingest-service", STACK.of("ingest-service", tracing)));
        var enrichLogging = new HashMap<>(tracing);
        // its line per enriched article
        enrichLogging.put("logging.level.io.newsflow.enrich.pipeline", "debug");
        services.put(
                "enrich-service", ServiceProcess.start("enrich-service", STACK.of("enrich-service", enrichLogging)));
        services.put("search-service", ServiceProcess.start("search-service", STACK.of("search-service", tracing)));
        CompletableFuture.allOf(services.values().stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @AfterAll
    static void stopServices() {
        services.values().forEach(ServiceProcess::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anArticlesWayThroughTheThreeServicesIsOneTraceAndItsLogLinesCarryItsTraceAndArticleIds() throws Exception {
        var id = push("Harbour cranes return to Rotterdam " + RUN);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> services.get("search-service")
                                .get("/api/v1/articles/" + id)
                                .statusCode()
                        == 200);

        // the span of its indexing names the article; its trace is the one to follow back
        var indexing = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> receiver.spans().stream()
                                .filter(span -> span.service().equals("search-service"))
                                .filter(span -> id.equals(span.attributes().get("newsflow.article.id")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        var traceId = indexing.traceId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(servicesOf(traceId))
                .containsExactlyInAnyOrder("ingest-service", "enrich-service", "search-service"));

        // it starts at ingest's HTTP request, and every other span has its parent in the same trace (the exporters
        // send in batches, each service on its own schedule)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var trace = receiver.spans().stream()
                    .filter(span -> span.traceId().equals(traceId))
                    .toList();
            assertThat(trace.stream().filter(span -> span.parentSpanId().isEmpty()))
                    .singleElement()
                    .satisfies(root -> {
                        assertThat(root.service()).isEqualTo("ingest-service");
                        assertThat(root.name()).contains("/api/v1/articles");
                    });
            var spanIds = trace.stream().map(SpanReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> !span.parentSpanId().isEmpty()).allSatisfy(span -> assertThat(spanIds)
                    .contains(span.parentSpanId()));
        });

        // ingest logs its line per article, enrich (at debug) its line per record: JSON with both ids
        for (var module : List.of("ingest-service", "enrich-service")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logLines(module))
                    .as("JSON log lines of %s with articleId %s", module, id)
                    .anySatisfy(line -> {
                        assertThat(line.path("articleId").asString()).isEqualTo(id);
                        assertThat(line.path("traceId").asString()).isEqualTo(traceId);
                    }));
        }
    }

    @Test
    void everyMetricTheGrafanaDashboardReadsIsExposedByTheServices() throws Exception {
        var expressions = dashboardExpressions();
        var used = new TreeSet<String>();
        expressions.forEach(expression -> used.addAll(PromQl.metricNames(expression)));
        assertThat(used)
                .as("metric names in the dashboard's expressions")
                .contains(
                        "kafka_consumer_fetch_manager_records_lag",
                        "newsflow_ingest_articles_total",
                        "newsflow_enrich_articles_total",
                        "newsflow_search_articles_total");

        var id = push("Dashboard metrics " + RUN);
        // an article indexed and a search made, so that the meters of both exist
        await().atMost(Duration.ofSeconds(60))
                .until(() -> services.get("search-service")
                                .get("/api/v1/articles/" + id)
                                .statusCode()
                        == 200);
        assertThat(services.get("search-service")
                        .get("/api/v1/search?q=dashboard")
                        .statusCode())
                .isEqualTo(200);
        // The Kafka client's per-partition meters are bound a while after the first fetch (Micrometer looks for new
        // client metrics once a minute), and the ingest counter once an article came in.
        var exposed = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        ObservabilityEndToEndTest::exposedMetricNames,
                        names -> names.contains("kafka_consumer_fetch_manager_records_lag"));
        assertThat(exposed).as("metric names the services expose").containsAll(used);
    }

    private static String push(String title) {
        var response = services.get("ingest-service")
                .postJson(
                        "/api/v1/articles",
                        """
                        {"title": "%s", "body": "The port authority said new cranes arrive this week.",
                         "url": "https://news.example.com/%s", "source": {"name": "Example News"}, "language": "en"}
                        """
                                .formatted(title, UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).path("id").asString();
    }

    private static Set<String> servicesOf(String traceId) {
        return receiver.spans().stream()
                .filter(span -> span.traceId().equals(traceId))
                .map(SpanReceiver.ReceivedSpan::service)
                .collect(Collectors.toSet());
    }

    /** What a Prometheus server scraping every service would know: the names of all series. */
    private static Set<String> exposedMetricNames() {
        var names = new TreeSet<String>();
        for (var service : services.values()) {
            var scrape = service.get("/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            scrape.body()
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws IOException {
        var dashboard = json.readTree(Files.readString(
                Path.of(System.getProperty("newsflow.root", ".."), "observability", "grafana", "newsflow.json")));
        var expressions =
                dashboard.findValues("expr").stream().map(JsonNode::asString).toList();
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    /** The JSON lines of the service's log, which the test's {@link ServiceProcess} writes under target/e2e-logs. */
    private static List<JsonNode> logLines(String module) throws IOException {
        return Files.readAllLines(Path.of("target", "e2e-logs", module + ".log")).stream()
                .filter(line -> line.startsWith("{\""))
                .map(json::readTree)
                .toList();
    }
}
