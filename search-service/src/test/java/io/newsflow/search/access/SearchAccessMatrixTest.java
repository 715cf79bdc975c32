package io.newsflow.search.access;

import static io.newsflow.testing.AccessMatrix.apiKey;
import static io.newsflow.testing.AccessMatrix.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.search.EnrichedTopic;
import io.newsflow.testing.AccessMatrix.Endpoint;
import io.newsflow.testing.AccessMatrixTest;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Every endpoint of the search service against every kind of caller, with security on: tokens really signed by a key
 * that a local JWK set serves, API keys created through the admin API, and saved searches of two editors.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.security.mode=on",
            "newsflow.security.admin-key=" + AccessMatrixTest.ADMIN_KEY,
            "newsflow.security.api-keys.topic=search-access.api-keys",
            "newsflow.topics.enriched=search-access.articles.enriched",
            "newsflow.search.index.alias=search-access-articles",
            "newsflow.search.saved-searches-index=search-access-saved-searches",
            "spring.kafka.consumer.group-id=search-access"
        })
@Import({NewsflowTestInfrastructure.class, EnrichedTopic.class})
class SearchAccessMatrixTest extends AccessMatrixTest {

    @Test
    void everyEndpointAnswersEachCallerAsItsScopesAllow() {
        var alice = bearer(issuer.token("alice", "search:read"));
        var bob = bearer(issuer.token("bob", "search:read"));
        var saved = send(
                Endpoint.postJson("/api/v1/saved-searches", "{\"name\":\"alice's\",\"query\":\"ukraine\"}", "", 201),
                alice);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        var id = json.readTree(saved.body()).get("id").asString();
        var searchKey = createKey("[\"search:read\"]", null);
        var sourceKey = createKey("[\"articles:write\"]", null);

        var rows = new ArrayList<String>();
        for (var endpoint : endpoints(id)) {
            var none = send(endpoint, Map.of());
            assertThat(none.status()).as("no credentials: %s", endpoint).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            var wrongScope = endpoint.scope().equals("admin") ? "search:read" : "articles:write";
            assertThat(send(endpoint, bearer(issuer.token("alice", wrongScope))).status())
                    .as("wrong scope: %s", endpoint)
                    .isEqualTo(403);
            assertThat(send(endpoint, bearer(issuer.forgedToken("alice", endpoint.scope())))
                            .status())
                    .as("forged token: %s", endpoint)
                    .isEqualTo(401);
            assertThat(send(endpoint, apiKey("nfk_unknown")).status())
                    .as("unknown key: %s", endpoint)
                    .isEqualTo(401);
            assertThat(send(endpoint, apiKey(sourceKey)).status())
                    .as("a source's key: %s", endpoint)
                    .isEqualTo(403);
            if (endpoint.path().contains(id)) {
                assertThat(send(endpoint, bob).status())
                        .as("another editor's saved search: %s", endpoint)
                        .isEqualTo(404);
            }
            if (endpoint.scope().equals("search:read")) {
                assertThat(send(endpoint, apiKey(searchKey)).status())
                        .as("right scope (key): %s", endpoint)
                        .isEqualTo(endpoint.path().contains(id) ? 404 : endpoint.allowed());
            } else {
                assertThat(send(endpoint, apiKey(searchKey)).status())
                        .as("wrong scope (key): %s", endpoint)
                        .isEqualTo(403);
            }
            var right = endpoint.scope().equals("admin") ? bearer(issuer.token("operator", "admin")) : alice;
            assertThat(send(endpoint, right).status())
                    .as("right scope: %s", endpoint)
                    .isEqualTo(endpoint.allowed());
            rows.add(endpoint.method() + " " + endpoint.path());
        }
        assertThat(rows).hasSize(17);
    }

    @Test
    void editorsListOnlyTheirOwnSavedSearches() {
        var carol = bearer(issuer.token("carol", "search:read"));
        var dave = bearer(issuer.token("dave", "search:read"));
        var name = "carol-" + UUID.randomUUID();
        assertThat(send(Endpoint.postJson("/api/v1/saved-searches", "{\"name\":\"" + name + "\"}", "", 201), carol)
                        .status())
                .isEqualTo(201);

        var list = Endpoint.get("/api/v1/saved-searches", "search:read", 200);
        assertThat(send(list, carol).body()).contains(name);
        assertThat(send(list, dave).body()).doesNotContain(name);
    }

    @Test
    void theDashboardPageIsOpenToSignIn() {
        assertThat(send(Endpoint.get("/", "", 200), Map.of()).status()).isEqualTo(200);
    }

    /** In the order they are walked: the saved search is deleted last. */
    private static List<Endpoint> endpoints(String id) {
        var read = "search:read";
        return List.of(
                Endpoint.get("/api/v1/search?q=ukraine", read, 200),
                Endpoint.get("/api/v1/articles/no-such-article", read, 404),
                Endpoint.get("/api/v1/articles/no-such-article/similar", read, 404),
                Endpoint.get("/api/v1/suggest?prefix=ukr", read, 200),
                Endpoint.get("/api/v1/trending", read, 200),
                Endpoint.get("/api/v1/stories", read, 200),
                Endpoint.get("/api/v1/stories/no-such-story", read, 404),
                Endpoint.postJson("/api/v1/saved-searches", "{\"name\":\"another\"}", read, 201),
                Endpoint.get("/api/v1/saved-searches", read, 200),
                Endpoint.get("/api/v1/saved-searches/" + id, read, 200),
                Endpoint.get("/api/v1/saved-searches/" + id + "/stream", read, 200),
                Endpoint.get("/api/v1/saved-searches/stream", read, 200),
                Endpoint.get("/api/v1/admin/reindex", "admin", 200),
                Endpoint.get("/api/v1/api-keys", "admin", 200),
                Endpoint.postJson(
                        "/api/v1/api-keys", "{\"name\":\"probe\",\"scopes\":[\"search:read\"]}", "admin", 201),
                Endpoint.delete("/api/v1/api-keys/" + UUID.randomUUID(), "admin", 404),
                Endpoint.delete("/api/v1/saved-searches/" + id, read, 204));
    }
}
