package io.newsflow.ingest.access;

import static io.newsflow.testing.AccessMatrix.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIngested;
import io.newsflow.testing.AccessMatrix.Endpoint;
import io.newsflow.testing.AccessMatrixTest;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Every endpoint of the ingest service against every kind of caller, with security on: tokens really signed by a key
 * that a local JWK set serves, and API keys created through the admin API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.security.mode=on",
            "newsflow.security.admin-key=" + AccessMatrixTest.ADMIN_KEY,
            "newsflow.security.api-keys.topic=ingest-access.api-keys",
            "newsflow.topics.raw=" + IngestAccessMatrixTest.RAW,
            "newsflow.topics.ingest-state=ingest-access.articles.ingest-state"
        })
@Import(NewsflowTestInfrastructure.class)
class IngestAccessMatrixTest extends AccessMatrixTest {

    static final String RAW = "ingest-access.articles.raw";

    private String rksNewsKey;
    private String searchKey;

    @BeforeAll
    void createKeys() throws Exception {
        rksNewsKey = createKey("[\"articles:write\"]", "RksNews");
        searchKey = createKey("[\"search:read\"]", null);
    }

    List<Endpoint> endpoints() {
        var article = "{\"title\":\"Matrix\",\"body\":\"text\",\"url\":\"https://news.example.com/" + UUID.randomUUID()
                + "\",\"source\":{\"name\":\"Claimed\"}}";
        return List.of(
                new Endpoint("POST", "/api/v1/articles", "application/json", article, "articles:write", 202),
                new Endpoint(
                        "POST",
                        "/api/v1/articles/batch",
                        "application/x-ndjson",
                        article + "\n",
                        "articles:write",
                        202),
                new Endpoint("POST", "/api/v1/feeds", "application/json", "{\"url\":\"nope\"}", "feeds:manage", 400),
                new Endpoint("GET", "/api/v1/feeds/0123456789abcdef", null, null, "feeds:manage", 404),
                new Endpoint("DELETE", "/api/v1/feeds/0123456789abcdef", null, null, "feeds:manage", 404),
                new Endpoint("POST", "/api/v1/feeds/0123456789abcdef/poll", null, null, "feeds:manage", 404),
                new Endpoint("GET", "/api/v1/api-keys", null, null, "admin", 200),
                new Endpoint(
                        "POST",
                        "/api/v1/api-keys",
                        "application/json",
                        "{\"name\":\"probe\",\"scopes\":[\"search:read\"]}",
                        "admin",
                        201),
                new Endpoint("DELETE", "/api/v1/api-keys/" + UUID.randomUUID(), null, null, "admin", 404));
    }

    @Test
    void everyEndpointAnswersEachCallerAsItsScopesAllow() throws Exception {
        var rows = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            var wrongScope = endpoint.scope().equals("search:read") ? "feeds:manage" : "search:read";
            var none = send(endpoint, Map.of());
            assertThat(none.status()).as("no credentials: %s", endpoint).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(send(endpoint, bearer(issuer.token("editor", wrongScope)))
                            .status())
                    .as("wrong scope: %s", endpoint)
                    .isEqualTo(403);
            assertThat(send(endpoint, bearer(issuer.forgedToken("editor", endpoint.scope())))
                            .status())
                    .as("forged token: %s", endpoint)
                    .isEqualTo(401);
            assertThat(send(endpoint, bearer(issuer.expiredToken("editor", endpoint.scope())))
                            .status())
                    .as("expired token: %s", endpoint)
                    .isEqualTo(401);
            assertThat(send(endpoint, Map.of("X-Api-Key", "nfk_unknown")).status())
                    .as("unknown key: %s", endpoint)
                    .isEqualTo(401);
            assertThat(send(endpoint, bearer(issuer.token("editor", endpoint.scope())))
                            .status())
                    .as("right scope (token): %s", endpoint)
                    .isEqualTo(endpoint.allowed());
            assertThat(send(endpoint, bearer(issuer.token("operator", "admin"))).status())
                    .as("admin (token): %s", endpoint)
                    .isEqualTo(endpoint.allowed());
            var key = endpoint.scope().equals("articles:write") ? rksNewsKey : null;
            if (key != null) {
                assertThat(send(endpoint, Map.of("Authorization", "ApiKey " + key))
                                .status())
                        .as("right scope (key): %s", endpoint)
                        .isEqualTo(endpoint.allowed());
            }
            assertThat(send(endpoint, Map.of("X-Api-Key", searchKey)).status())
                    .as("wrong scope (key): %s", endpoint)
                    .isEqualTo(endpoint.scope().equals("search:read") ? endpoint.allowed() : 403);
            rows.add(endpoint.method() + " " + endpoint.path());
        }
        assertThat(rows).hasSize(9);
    }

    @Test
    void aKeyBoundToASourcePublishesOnlyAsThatSource() throws Exception {
        var url = "https://news.example.com/" + UUID.randomUUID();
        var response = send(
                new Endpoint(
                        "POST",
                        "/api/v1/articles",
                        "application/json",
                        "{\"title\":\"Spoof\",\"body\":\"text\",\"url\":\"" + url
                                + "\",\"source\":{\"name\":\"AnotherAgency\"}}",
                        "articles:write",
                        202),
                Map.of("X-Api-Key", rksNewsKey));
        assertThat(response.status()).isEqualTo(202);
        var id = json.readTree(response.body()).get("id").asString();
        var event = json.readValue(KafkaRecords.withKey(RAW, id).getFirst().value(), ArticleIngested.class);
        assertThat(event.source().name()).isEqualTo("RksNews");
    }

    @Test
    void aKeyBoundToASourcePublishesAgencyItemsAsThatSource() throws Exception {
        var uri = "urn:newsml:example.com:" + UUID.randomUUID();
        var ninjs = "{\"uri\":\"" + uri + "\",\"type\":\"text\",\"headline\":\"Bound\","
                + "\"body_text\":\"Agency text.\"}";
        var response = send(
                new Endpoint("POST", "/api/v1/articles", "application/ninjs+json", ninjs, "articles:write", 202),
                Map.of("X-Api-Key", rksNewsKey));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        var id = json.readTree(response.body()).get("id").asString();
        var event = json.readValue(KafkaRecords.withKey(RAW, id).getFirst().value(), ArticleIngested.class);
        assertThat(event.source().name()).isEqualTo("RksNews");
    }

    @Test
    void aRevokedKeyStopsWorking() throws Exception {
        var created = json.readTree(send(
                        new Endpoint(
                                "POST",
                                "/api/v1/api-keys",
                                "application/json",
                                "{\"name\":\"short-lived\",\"scopes\":[\"admin\"]}",
                                "admin",
                                201),
                        Map.of("X-Api-Key", ADMIN_KEY))
                .body());
        var key = created.get("key").asString();
        var list = new Endpoint("GET", "/api/v1/api-keys", null, null, "admin", 200);
        assertThat(send(list, Map.of("X-Api-Key", key)).status()).isEqualTo(200);
        assertThat(send(list, Map.of("X-Api-Key", key)).body()).doesNotContain(key);

        var revoke =
                new Endpoint("DELETE", "/api/v1/api-keys/" + created.get("id").asString(), null, null, "admin", 204);
        assertThat(send(revoke, Map.of("X-Api-Key", ADMIN_KEY)).status()).isEqualTo(204);
        assertThat(send(list, Map.of("X-Api-Key", key)).status()).isEqualTo(401);
    }
}
