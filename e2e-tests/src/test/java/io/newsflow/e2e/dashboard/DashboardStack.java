package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.e2e.ServiceProcess;
import io.newsflow.e2e.StackSettings;
import io.newsflow.testing.TestAuthorizationServer;
import io.newsflow.testing.TestInfrastructure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services as separate processes on the real Kafka and Elasticsearch of the test run, with topics, groups,
 * index alias and saved-searches index unique to this run. Search reaches Elasticsearch through an
 * {@link ElasticsearchGate}, so that a test can take the node away from it. Started once for all the browser tests of
 * a run (see {@link Shared}) and stopped when they are done.
 */
final class DashboardStack implements AutoCloseable {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String OIDC_CLIENT = "newsflow-dashboard";
    static final String OIDC_EDITOR = "editor@newsroom.example";

    private final StackSettings stack = StackSettings.newRun("ui");
    final String run = stack.run();
    final String enrichedTopic = stack.enrichedTopic();

    private final List<ServiceProcess> services = new ArrayList<>();
    private final ElasticsearchGate gate;
    private final ServiceProcess ingest;
    private final ServiceProcess search;
    private final TestAuthorizationServer issuer;
    private final String editorKey;
    private volatile SpeedCorpus corpus;

    private DashboardStack() {
        var infrastructure = TestInfrastructure.get();
        gate = ElasticsearchGate.to(infrastructure.elasticsearchUrl());
        // the issuer editors sign in at; its tokens live a little longer than the margin the page renews them within,
        // so that a test sees them refreshed within seconds
        issuer = new TestAuthorizationServer(OIDC_CLIENT, OIDC_EDITOR, Duration.ofSeconds(35));
        ingest = ServiceProcess.start("ingest-service", stack.of("ingest-service"));
        var enrich = ServiceProcess.start("enrich-service", stack.of("enrich-service"));
        search = ServiceProcess.start(
                "search-service",
                stack.of(
                        "search-service",
                        Map.of(
                                "spring.elasticsearch.uris",
                                gate.url(),
                                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                                issuer.issuer(),
                                "newsflow.search.dashboard.oidc-issuer",
                                issuer.issuer(),
                                "newsflow.search.dashboard.oidc-client-id",
                                OIDC_CLIENT)));
        issuer.allowRedirect(search.uri("/"));
        services.addAll(List.of(ingest, enrich, search));
        try {
            CompletableFuture.allOf(services.stream()
                            .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofMinutes(3))))
                            .toArray(CompletableFuture[]::new))
                    .join();
            // the key an editor pastes into the sign-in form: it may read and save searches, nothing more
            editorKey = search.createKey("dashboard editor " + run, "search:read");
        } catch (RuntimeException notReady) {
            close();
            throw notReady;
        }
    }

    /** A browser whose dashboard pages are signed in with the editor's key. */
    Browser signedInBrowser(int width, int height) {
        return Browser.start(width, height).signedIn(search.uri("/"), editorKey);
    }

    TestAuthorizationServer issuer() {
        return issuer;
    }

    String editorKey() {
        return editorKey;
    }

    /** Creates a further key with these scopes and returns its secret. */
    String key(String name, String... scopes) {
        return search.createKey(name + " " + run, scopes);
    }

    /** The dashboard's page with that query string, e.g. {@code dashboard("q=harbour")}. */
    URI dashboard(String query) {
        return search.uri(query.isEmpty() ? "/" : "/?" + query);
    }

    ServiceProcess search() {
        return search;
    }

    ElasticsearchGate elasticsearch() {
        return gate;
    }

    /** Posts an article to ingest, as a publisher does, and returns its id once ingest acknowledged it. */
    String post(Map<String, Object> article) {
        var response = ingest.postJson("/api/v1/articles", json.writeValueAsString(article));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var body = json.readTree(response.body());
        assertThat(body.path("outcome").asString()).as(response.body()).isEqualTo("accepted");
        return body.path("id").asString();
    }

    /** Waits until a search for {@code q} finds {@code total} articles. */
    void awaitSearchable(String q, long total) {
        awaitSearchable(q, total, Duration.ofSeconds(60));
    }

    void awaitSearchable(String q, long total, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                        search("q=" + encode(q)).path("total").asLong())
                .isEqualTo(total));
    }

    JsonNode search(String queryString) {
        return json.readTree(search.get("/api/v1/search?" + queryString).body());
    }

    /** The live-alert streams the search service has open now (its gauge). */
    int alertStreams() {
        var metric = json.readTree(
                search.get("/actuator/metrics/newsflow.search.alert.streams").body());
        return metric.path("measurements").path(0).path("value").asInt();
    }

    /** The 10,000 articles the speed test searches, published once per run on first use. */
    SpeedCorpus speedCorpus() {
        if (corpus == null) {
            synchronized (this) {
                if (corpus == null) {
                    corpus = SpeedCorpus.publish(this);
                }
            }
        }
        return corpus;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        gate.close();
        issuer.close();
    }

    /** Builds the JSON body of an article submission, keeping the order of the fields. */
    static Map<String, Object> article(String title, String body, String source, String url) {
        var article = new LinkedHashMap<String, Object>();
        article.put("title", title);
        article.put("body", body);
        article.put("url", url);
        article.put("source", Map.of("name", source));
        return article;
    }

    /** Gives every test class that asks for a {@link DashboardStack} parameter the same one, started on first use. */
    static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DashboardStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root context's store is closed when the whole run ends, after the last class that used it
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(DashboardStack.class, type -> new DashboardStack(), DashboardStack.class);
        }
    }
}
