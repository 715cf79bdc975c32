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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenID Connect issuer for browser tests, on loopback: discovery, a sign-in page at {@code /authorize} whose
 * button approves the one user it knows, {@code /token} for the authorization code grant with PKCE (S256 only, the
 * verifier checked against the challenge) and for refresh tokens (rotated), and the JWK set the tokens are really
 * signed with. One public client, one registered redirect URI; CORS open to that URI's origin, as an issuer that serves
 * a browser-based client must be.
 */
public final class TestAuthorizationServer implements AutoCloseable {

    private record Grant(String redirectUri, String challenge, String scope) {}

    private final RSAKey key = generate();
    private final HttpServer server;
    private final String clientId;
    private final String subject;
    private final Duration tokenLifetime;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
    private final AtomicInteger codeExchanges = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicBoolean refuseRefresh = new AtomicBoolean();

    /**
     * @param clientId the one client it knows
     * @param subject who signs in, the {@code sub} of every token
     * @param tokenLifetime how long an access token is valid
     */
    public TestAuthorizationServer(String clientId, String subject, Duration tokenLifetime) {
        this.clientId = clientId;
        this.subject = subject;
        this.tokenLifetime = tokenLifetime;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/approve", this::approve);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> answer(exchange, 200, "application/json", jwks()));
        server.start();
    }

    /** The issuer's URL, as in its tokens' {@code iss}: what a resource server's {@code issuer-uri} is set to. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a redirect URI of the client, such as {@code http://127.0.0.1:8083/}. */
    public void allowRedirect(URI redirectUri) {
        redirectUris.add(redirectUri.toString());
    }

    /** Authorization codes exchanged for tokens, each after its PKCE verifier matched. */
    public int codeExchanges() {
        return codeExchanges.get();
    }

    /** Refresh token grants answered with new tokens. */
    public int refreshes() {
        return refreshes.get();
    }

    /** While true every refresh is refused, as when the session ended at the issuer. */
    public void refuseRefresh(boolean refuse) {
        refuseRefresh.set(refuse);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        var issuer = issuer();
        var json =
                "{\"issuer\":\"%1$s\",\"authorization_endpoint\":\"%1$s/authorize\",\"token_endpoint\":\"%1$s/token\","
                        + "\"jwks_uri\":\"%1$s/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":"
                        + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"],\"grant_types_supported\":"
                        + "[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_methods_supported\":[\"none\"]}";
        answer(exchange, 200, "application/json", json.formatted(issuer));
    }

    /** The sign-in page: checks the request as an issuer must, then asks the user to approve with one button. */
    private void authorize(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        var redirect = query.getOrDefault("redirect_uri", "");
        if (!clientId.equals(query.get("client_id")) || !redirectUris.contains(redirect)) {
            answer(exchange, 400, "text/plain", "unknown client or redirect URI");
            return;
        }
        if (!"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.getOrDefault("code_challenge", "").isBlank()) {
            answer(exchange, 400, "text/plain", "the authorization code flow with PKCE S256 is required");
            return;
        }
        var code = UUID.randomUUID().toString();
        codes.put(code, new Grant(redirect, query.get("code_challenge"), query.getOrDefault("scope", "")));
        var target = redirect + "?code=" + encode(code) + "&state=" + encode(query.getOrDefault("state", ""));
        var page =
                """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test issuer: sign in</title></head>
                <body><main><h1>Sign in to the test issuer</h1>
                <form method="post" action="/approve"><input type="hidden" name="target" value="%s">
                <button type="submit" id="approve">Sign in as %s</button></form></main></body></html>"""
                        .formatted(target.replace("&", "&amp;").replace("\"", "&quot;"), subject);
        answer(exchange, 200, "text/html; charset=utf-8", page);
    }

    private void approve(HttpExchange exchange) throws IOException {
        var target = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                .getOrDefault("target", "");
        if (redirectUris.stream().noneMatch(uri -> target.startsWith(uri + "?"))) {
            answer(exchange, 400, "text/plain", "not a registered redirect URI");
            return;
        }
        exchange.getResponseHeaders().add("Location", target);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
            answer(exchange, 204, "text/plain", "");
            return;
        }
        var request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientId.equals(request.get("client_id"))) {
            error(exchange, "invalid_client", "unknown client");
            return;
        }
        switch (request.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                var grant = codes.remove(request.getOrDefault("code", ""));
                if (grant == null) {
                    error(exchange, "invalid_grant", "unknown or used code");
                } else if (!grant.redirectUri().equals(request.get("redirect_uri"))) {
                    error(exchange, "invalid_grant", "the redirect URI differs from the authorization request's");
                } else if (!grant.challenge().equals(s256(request.getOrDefault("code_verifier", "")))) {
                    error(exchange, "invalid_grant", "the code verifier does not match the code challenge");
                } else {
                    codeExchanges.incrementAndGet();
                    tokens(exchange, grant.scope());
                }
            }
            case "refresh_token" -> {
                var scope = refreshTokens.remove(request.getOrDefault("refresh_token", ""));
                if (scope == null || refuseRefresh.get()) {
                    error(exchange, "invalid_grant", "the session has ended");
                } else {
                    refreshes.incrementAndGet();
                    tokens(exchange, scope);
                }
            }
            default -> error(exchange, "unsupported_grant_type", "authorization_code or refresh_token");
        }
    }

    private void tokens(HttpExchange exchange, String scope) throws IOException {
        var refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, scope);
        var body = "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d,\"refresh_token\":\"%s\","
                + "\"scope\":\"%s\"}";
        answer(
                exchange,
                200,
                "application/json",
                body.formatted(accessToken(scope), tokenLifetime.toSeconds(), refresh, scope));
    }

    private String accessToken(String scope) {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(tokenLifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scope)
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static String s256(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void error(HttpExchange exchange, String error, String description) throws IOException {
        answer(
                exchange,
                400,
                "application/json",
                "{\"error\":\"%s\",\"error_description\":\"%s\"}".formatted(error, description));
    }

    /** Answers with CORS open to the origins of the registered redirect URIs: the browser calls discovery and token. */
    private void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        var origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && redirectUris.stream().anyMatch(uri -> uri.startsWith(origin + "/"))) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        var values = new LinkedHashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (var pair : encoded.split("&")) {
            var parts = pair.split("=", 2);
            values.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return values;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
