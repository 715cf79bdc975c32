package io.newsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.testing.TestIssuer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits and headers over real HTTP: each test calls from a loopback address of its own, as a subject of its own.
 */
@SpringBootTest(
        classes = TestSecuredApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.security.mode=on",
            "newsflow.security.rate-limits.per-address.requests=8",
            "newsflow.security.rate-limits.per-address.per=1h",
            "newsflow.security.rate-limits.read.requests=3",
            "newsflow.security.rate-limits.read.per=1h",
            "newsflow.security.rate-limits.write.requests=2",
            "newsflow.security.rate-limits.write.per=1h",
            "newsflow.security.rate-limits.admin.requests=1",
            "newsflow.security.rate-limits.admin.per=1h",
            "newsflow.security.cors.allowed-origins=https://newsroom.example"
        })
class RateLimitTest {

    private static final TestIssuer issuer = new TestIssuer();
    private static final AtomicInteger addresses = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void trustTheIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
    }

    @AfterAll
    static void closeIssuer() {
        issuer.close();
    }

    private static String newAddress() {
        return "127.0.0." + addresses.getAndIncrement();
    }

    private RawHttp.Answer call(String from, String method, String path, String subject) {
        var headers = subject == null
                ? Map.<String, String>of()
                : Map.of("Authorization", "Bearer " + issuer.token(subject, "admin"));
        return RawHttp.call(port, from, method, path, headers);
    }

    @Test
    void aCallerPastItsReadLimitGets429WithRetryAfterAndAProblem() {
        var from = newAddress();
        for (var i = 0; i < 3; i++) {
            assertThat(call(from, "GET", "/api/v1/things", "reader").status()).isEqualTo(200);
        }
        var refused = call(from, "GET", "/api/v1/things", "reader");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 1200L);
        assertThat(refused.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429", "Too many calls by this caller");
        assertThat(meters.counter("newsflow.ratelimit.refused", "by", "caller", "class", "read")
                        .count())
                .isPositive();
    }

    @Test
    void eachCallerAndEachRouteClassHasItsOwnBucket() {
        var from = newAddress();
        assertThat(call(from, "POST", "/api/v1/things", "writer").status()).isEqualTo(200);
        assertThat(call(from, "POST", "/api/v1/things", "writer").status()).isEqualTo(200);
        assertThat(call(from, "POST", "/api/v1/things", "writer").status()).isEqualTo(429);

        assertThat(call(from, "GET", "/api/v1/things", "writer").status())
                .as("reads are counted apart from writes")
                .isEqualTo(200);
        assertThat(call(from, "POST", "/api/v1/things", "another-writer").status())
                .as("another subject")
                .isEqualTo(200);
        assertThat(call(from, "GET", "/api/v1/admin/things", "writer").status()).isEqualTo(200);
        assertThat(call(from, "GET", "/api/v1/admin/things", "writer").status())
                .as("the admin class has the lowest limit")
                .isEqualTo(429);
    }

    @Test
    void anAddressPastItsLimitGets429BeforeItsCredentialsAreLookedAt() {
        var from = newAddress();
        for (var i = 0; i < 8; i++) {
            assertThat(call(from, "GET", "/api/v1/things", null).status()).isEqualTo(401);
        }
        var refused = call(from, "GET", "/api/v1/things", "prober");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsKey("retry-after");
        assertThat(refused.body()).contains("Too many calls from this address");
        assertThat(call(newAddress(), "GET", "/api/v1/things", "prober").status())
                .as("from another address")
                .isEqualTo(200);
        assertThat(meters.counter("newsflow.ratelimit.refused", "by", "address", "class", "read")
                        .count())
                .isPositive();
    }

    @Test
    void healthAndOtherPathsOutsideTheApiAreNotCounted() {
        var from = newAddress();
        for (var i = 0; i < 12; i++) {
            assertThat(call(from, "GET", "/error", null).status()).isNotEqualTo(429);
        }
        assertThat(call(from, "GET", "/api/v1/things", "after-many").status()).isEqualTo(200);
    }

    @Test
    void answersCarryTheSecurityHeadersAndCorsIsOnlyForTheConfiguredOrigins() {
        var from = newAddress();
        var answer = call(from, "GET", "/api/v1/things", "headers");
        var refused = call(from, "GET", "/api/v1/things", null);
        for (var each : java.util.List.of(answer, refused)) {
            assertThat(each.headers())
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("x-frame-options", "DENY")
                    .containsEntry("referrer-policy", "no-referrer")
                    .containsEntry("content-security-policy", SecurityAutoConfiguration.API_POLICY);
        }

        var allowed = RawHttp.call(
                port,
                from,
                "OPTIONS",
                "/api/v1/things",
                Map.of("Origin", "https://newsroom.example", "Access-Control-Request-Method", "GET"));
        var other = RawHttp.call(
                port,
                from,
                "OPTIONS",
                "/api/v1/things",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers()).containsEntry("access-control-allow-origin", "https://newsroom.example");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.headers()).doesNotContainKey("access-control-allow-origin");
    }
}
