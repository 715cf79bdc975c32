package io.newsflow.testing;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's access-matrix test needs: the service with security on (its {@code @SpringBootTest} sets
 * {@code newsflow.security.mode=on} and {@code newsflow.security.admin-key=}{@value #ADMIN_KEY}), a {@link TestIssuer}
 * whose JWK set the service trusts, and calls of its endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessMatrixTest {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    protected static final TestIssuer issuer = new TestIssuer();
    protected final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void trustTheIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
    }

    @AfterAll
    void closeIssuer() {
        issuer.close();
    }

    protected AccessMatrix.Answer send(AccessMatrix.Endpoint endpoint, Map<String, String> headers) {
        return new AccessMatrix(port).send(endpoint, headers);
    }

    /** Creates a key through the admin API and answers its secret. */
    protected String createKey(String scopesJson, String source) {
        var body = "{\"name\":\"matrix\",\"scopes\":" + scopesJson
                + (source == null ? "" : ",\"source\":\"" + source + "\"") + "}";
        var created = send(
                AccessMatrix.Endpoint.postJson("/api/v1/api-keys", body, "admin", 201), AccessMatrix.apiKey(ADMIN_KEY));
        if (created.status() != 201) {
            throw new AssertionError("Creating a key answered " + created.status() + ": " + created.body());
        }
        return json.readTree(created.body()).get("key").asString();
    }
}
