package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * The dashboard signs in with an API key pasted into its form, as an editor does with the key {@code ./newsflow up}
 * prints: refused keys and keys without {@code search:read} are told apart, the key is kept for the tab only, every
 * call and the live-alert stream carry it, a revoked key brings the sign-in back, and signing out forgets it.
 */
@ExtendWith(DashboardStack.Shared.class)
class SignInTest {

    @Test
    void anEditorSignsInWithAKeyAndOutAgain(DashboardStack stack) {
        var word = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var browser = Browser.start(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=" + word));
            awaitSignIn(browser, "");
            assertThat(page.state()).isEqualTo("signed-out");
            browser.screenshot("sign-in");
            assertThat(Axe.seriousViolations(browser))
                    .as("axe-core on the sign-in")
                    .isEmpty();

            enterKey(browser, "not-a-key-" + word);
            awaitSignIn(browser, "refused");

            enterKey(browser, stack.key("pusher", "articles:write"));
            awaitSignIn(browser, "lacks the search:read scope");
            assertThat(credential(browser))
                    .as("a key that cannot read is not kept")
                    .isNull();

            enterKey(browser, stack.editorKey());
            page.awaitState("empty");
            assertThat(browser.all("#sign-in").getFirst().getDomAttribute("open"))
                    .isNull();
            assertThat(credential(browser)).contains(stack.editorKey());
            // the live-alert stream, read with fetch, is open with the key too
            await().atMost(Browser.PATIENCE)
                    .until(() -> "open".equals(browser.all("#alerts").getFirst().getDomAttribute("data-stream")));

            browser.open(stack.dashboard("q=" + word));
            page.awaitState("empty");

            browser.visible("#sign-out").click();
            awaitSignIn(browser, "You are signed out.");
            assertThat(credential(browser)).isNull();
            assertThat(page.results()).isEmpty();
            browser.open(stack.dashboard("q=" + word));
            awaitSignIn(browser, "");
        }
    }

    @Test
    void aRevokedKeyBringsTheSignInBackSayingWhy(DashboardStack stack) {
        var created = stack.search().createdKey("revoked editor " + UUID.randomUUID(), "search:read");
        try (var browser = Browser.start(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=harbour"));
            enterKey(browser, created.path("key").asString());
            await().atMost(Browser.PATIENCE).until(() -> !page.state().equals("signed-out"));

            assertThat(stack.search()
                            .delete("/api/v1/api-keys/" + created.path("id").asString())
                            .statusCode())
                    .isEqualTo(204);
            // the next call the page makes after the revocation reached the service is refused
            await().atMost(Browser.PATIENCE).ignoreExceptions().until(() -> {
                if (!signInShown(browser)) {
                    page.search("harbour " + UUID.randomUUID());
                }
                return signInShown(browser);
            });
            awaitSignIn(browser, "The service refused the sign-in");
            assertThat(credential(browser)).isNull();
        }
    }

    private static void enterKey(Browser browser, String key) {
        var input = browser.visible("#sign-in #api-key");
        input.clear();
        input.sendKeys(key, Keys.ENTER);
    }

    /** Waits until the sign-in dialog is shown with a message that contains {@code message}. */
    private static void awaitSignIn(Browser browser, String message) {
        await().atMost(Browser.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.visible("#sign-in").isDisplayed()).isTrue();
            assertThat(browser.all("#sign-in-message").getFirst().getText()).contains(message);
        });
    }

    private static boolean signInShown(Browser browser) {
        return browser.all("#sign-in").getFirst().isDisplayed();
    }

    private static String credential(Browser browser) {
        return (String) browser.script("return sessionStorage.getItem('newsflow.credential');");
    }
}
