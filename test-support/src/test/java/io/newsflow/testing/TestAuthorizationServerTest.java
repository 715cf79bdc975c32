package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestAuthorizationServerTest {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/");
    private static final String VERIFIER = "a-verifier-of-enough-length-0123456789-abcdefghij";

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestAuthorizationServer issuer =
            new TestAuthorizationServer("dashboard", "editor@example.org", Duration.ofMinutes(5));

    @AfterEach
    void close() {
        issuer.close();
    }

    @Test
    void exchangesACodeOnlyForTheVerifierOfItsChallengeAndSignsTheTokenWithItsPublishedKey() throws Exception {
        issuer.allowRedirect(REDIRECT);

        var wrong = exchange(code(s256(VERIFIER)), "another-verifier-0123456789-0123456789-0123456789");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant", "code verifier");

        var right = exchange(code(s256(VERIFIER)), VERIFIER);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        var token = SignedJWT.parse(field(right.body(), "access_token"));
        var published = JWKSet.parse(get("/jwks").body());
        assertThat(token.verify(new RSASSAVerifier((RSAKey) published.getKeys().getFirst())))
                .isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("editor@example.org");
        assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("openid search:read");
        assertThat(issuer.codeExchanges()).isEqualTo(1);

        var refreshed = post(
                "grant_type=refresh_token&client_id=dashboard&refresh_token=" + field(right.body(), "refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(issuer.refreshes()).isEqualTo(1);
        issuer.refuseRefresh(true);
        assertThat(post("grant_type=refresh_token&client_id=dashboard&refresh_token="
                                + field(refreshed.body(), "refresh_token"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesARedirectUriItDoesNotKnowAndAFlowWithoutPkce() throws Exception {
        issuer.allowRedirect(REDIRECT);
        assertThat(get("/authorize?response_type=code&client_id=dashboard&redirect_uri="
                                + encode("http://evil.example/") + "&code_challenge=x&code_challenge_method=S256")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/authorize?response_type=code&client_id=dashboard&redirect_uri=" + encode(REDIRECT.toString()))
                        .statusCode())
                .isEqualTo(400);
    }

    /** Asks for a code as the browser would, and approves as the user would. */
    private String code(String challenge) throws Exception {
        var page = get("/authorize?response_type=code&client_id=dashboard&scope=" + encode("openid search:read")
                + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
                + encode(REDIRECT.toString()));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var target = Pattern.compile("name=\"target\" value=\"([^\"]+)\"")
                .matcher(page.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1)
                .replace("&amp;", "&");
        var approved = http.send(
                HttpRequest.newBuilder(URI.create(issuer.issuer() + "/approve"))
                        .POST(HttpRequest.BodyPublishers.ofString("target=" + encode(target)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        var location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=s1");
        return location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return post("grant_type=authorization_code&client_id=dashboard&code=" + code + "&redirect_uri="
                + encode(REDIRECT.toString()) + "&code_verifier=" + verifier);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer.issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer.issuer() + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
