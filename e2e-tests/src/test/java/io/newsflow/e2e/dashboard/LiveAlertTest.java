package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A saved search alerts the open dashboard, without a reload, when a matching article is posted to ingest. */
@ExtendWith(DashboardStack.Shared.class)
class LiveAlertTest {

    static final Duration ALERT_WITHIN = Duration.ofSeconds(5);

    @Test
    void aSavedSearchShowsALiveAlertWithinFiveSecondsOfTheArticlesAcceptance(DashboardStack stack) {
        var word = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var name = "Lighthouse watch " + word;
        try (var browser = stack.signedInBrowser(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=" + word));
            page.awaitState("empty");
            // the page marks its one stream open on the service's 'subscribed' event (the service's gauge cannot
            // tell: streams of browsers closed by earlier tests count until the service next writes to them)
            await().atMost(Browser.PATIENCE)
                    .until(() -> "open".equals(browser.all("#alerts").getFirst().getDomAttribute("data-stream")));
            var streamsOpen = stack.alertStreams();

            // saved after the stream opened, and alerted on it
            var saved = page.saveSearch(name);
            var savedId = saved.getDomAttribute("data-id");
            assertThat(savedId).isNotBlank();

            var title = "Lighthouse keeper retires after forty years " + word;
            var article = DashboardStack.article(
                    title,
                    "The last keeper of the lighthouse at Hook Head retired on Sunday, %s, after forty years."
                            .formatted(word),
                    "Harbour Gazette",
                    "https://news.example.org/alerts/" + word);
            stack.post(article);
            var acknowledged = System.nanoTime();

            var alert = await().atMost(ALERT_WITHIN)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(
                            () -> browser.driver().findElement(By.cssSelector("#alerts .alert")),
                            shown -> shown.isDisplayed() && shown.getText().contains(title));
            var latency = Duration.ofNanos(System.nanoTime() - acknowledged);
            System.out.printf("Live alert shown %d ms after ingest acknowledged the article%n", latency.toMillis());
            SpeedReport.record("Live alert, from ingest's acknowledgement to the alert on the page", latency);
            assertThat(alert.getText()).contains(name);
            assertThat(stack.alertStreams())
                    .as("saving a search opens no stream of its own")
                    .isLessThanOrEqualTo(streamsOpen);
            assertThat(browser.all("#alerts").getFirst().getDomAttribute("aria-live"))
                    .isEqualTo("polite");

            alert.click();
            await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(page.view("article-view")
                            .findElement(By.cssSelector(".article-title"))
                            .getText())
                    .isEqualTo(title));

            browser.visible("#close-view").click();
            await().atMost(Browser.PATIENCE).until(() -> !page.viewOpen("article-view"));
            page.deleteSavedSearch(name);
            assertThat(stack.search().get("/api/v1/saved-searches/" + savedId).statusCode())
                    .isEqualTo(404);
        }
    }
}
