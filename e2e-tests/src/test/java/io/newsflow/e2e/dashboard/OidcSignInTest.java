package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard signs in at the OIDC issuer the search service names: the authorization code flow with PKCE against a
 * real local issuer, which checks the verifier against the challenge and signs the tokens the search service verifies
 * by its JWK set. The token is kept for the tab, renewed by its refresh token before it expires, and a session that
 * can no longer be renewed brings the sign-in back.
 */
@ExtendWith(DashboardStack.Shared.class)
class OidcSignInTest {

    @Test
    void anEditorSignsInAtTheIssuerAndStaysSignedInWhileTheTokenIsRenewed(DashboardStack stack) {
        var word = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var issuer = stack.issuer();
        try (var browser = Browser.start(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=" + word));
            browser.visible("#sign-in #sign-in-oidc");
            assertThat(browser.visible("#sign-in-issuer").getText()).isEqualTo(issuer.issuer());
            var exchanged = issuer.codeExchanges();

            browser.visible("#sign-in-oidc").click();
            await().atMost(Browser.PATIENCE)
                    .until(() -> browser.currentUri().toString().startsWith(issuer.issuer() + "/authorize"));
            browser.visible("#approve").click();

            page.awaitState("empty");
            assertThat(issuer.codeExchanges()).isEqualTo(exchanged + 1);
            assertThat(browser.currentUri().getQuery())
                    .as("the code and state leave the address, the search stays")
                    .isEqualTo("q=" + word);
            var credential = credential(browser);
            assertThat(credential.path("type").asString()).isEqualTo("token");
            assertThat(credential.path("accessToken").asString()).contains(".");
            await().atMost(Browser.PATIENCE)
                    .until(() -> "open".equals(browser.all("#alerts").getFirst().getDomAttribute("data-stream")));

            // the token lives 35 s and is renewed within 30 s of its end: the next calls refresh it
            var refreshed = issuer.refreshes();
            var first = credential.path("accessToken").asString();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        page.search(word + " " + UUID.randomUUID().toString().substring(0, 4));
                        return issuer.refreshes() > refreshed;
                    });
            page.awaitState("empty");
            assertThat(credential(browser).path("accessToken").asString()).isNotEqualTo(first);

            browser.visible("#sign-out").click();
            await().atMost(Browser.PATIENCE)
                    .until(() -> browser.visible("#sign-in").isDisplayed());
            assertThat(browser.script("return sessionStorage.getItem('newsflow.credential');"))
                    .isNull();
        }
    }

    @Test
    void thePageMayConnectToItsOwnServiceAndToTheIssuerOnly(DashboardStack stack) {
        var policy = stack.search().get("/").headers().firstValue("Content-Security-Policy");

        assertThat(policy).hasValueSatisfying(value -> assertThat(value)
                .contains("connect-src 'self' " + stack.issuer().issuer() + ";")
                .contains("script-src 'self';"));
    }

    @Test
    void aSessionTheIssuerNoLongerRenewsBringsTheSignInBack(DashboardStack stack) {
        try (var issuerScope = new RefusingIssuer(stack);
                var browser = Browser.start(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=harbour"));
            browser.visible("#sign-in-oidc").click();
            browser.visible("#approve").click();
            await().atMost(Browser.PATIENCE).until(() -> !"signed-out".equals(page.state()) && hasToken(browser));

            issuerScope.refuse();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        if (!browser.all("#sign-in").getFirst().isDisplayed()) {
                            page.search(
                                    "harbour " + UUID.randomUUID().toString().substring(0, 4));
                        }
                        return browser.all("#sign-in").getFirst().isDisplayed();
                    });
            assertThat(browser.visible("#sign-in-message").getText()).contains("Your session has expired");
            assertThat(hasToken(browser)).isFalse();
        }
    }

    /**
     * Makes the stack's issuer refuse refreshes for one test and accept them again afterwards, so that the tests that
     * share it stay independent.
     */
    private static final class RefusingIssuer implements AutoCloseable {

        private final DashboardStack stack;

        RefusingIssuer(DashboardStack stack) {
            this.stack = stack;
        }

        void refuse() {
            stack.issuer().refuseRefresh(true);
        }

        @Override
        public void close() {
            stack.issuer().refuseRefresh(false);
        }
    }

    private static boolean hasToken(Browser browser) {
        return browser.script("return sessionStorage.getItem('newsflow.credential');") != null;
    }

    private static JsonNode credential(Browser browser) {
        return DashboardStack.json.readTree(
                (String) browser.script("return sessionStorage.getItem('newsflow.credential');"));
    }
}
