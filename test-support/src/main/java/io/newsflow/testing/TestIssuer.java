package io.newsflow.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key whose public half a real HTTP server on loopback serves as a JWK set, and
 * tokens really signed with it. A second, unpublished key signs tokens that must be refused.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key = generate();
    private final RSAKey stranger = generate();
    private final HttpServer server;

    public TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (var body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    /** What {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} is set to. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for the subject with the space-separated scopes and any further claims, valid for five minutes. */
    public String token(String subject, String scopes, Map<String, Object> claims) {
        return sign(key, subject, scopes, claims, Instant.now().plus(Duration.ofMinutes(5)));
    }

    public String token(String subject, String scopes) {
        return token(subject, scopes, Map.of());
    }

    public String expiredToken(String subject, String scopes) {
        return sign(key, subject, scopes, Map.of(), Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** Signed by a key the JWK set does not hold. */
    public String forgedToken(String subject, String scopes) {
        return sign(stranger, subject, scopes, Map.of(), Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String sign(RSAKey with, String subject, String scopes, Map<String, Object> claims, Instant expiry) {
        var builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://issuer.test")
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scopes);
        claims.forEach(builder::claim);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a test key", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
