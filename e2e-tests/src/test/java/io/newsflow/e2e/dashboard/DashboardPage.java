package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The dashboard as the tests see it: through the element hooks the dashboard promises (ids, classes, data attributes), nothing else. */
final class DashboardPage {

    private final Browser browser;

    DashboardPage(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    /** Types {@code q} into the search box and submits it, as an editor does. */
    void search(String q) {
        var box = browser.visible("#search-form #q");
        box.clear();
        box.sendKeys(q, Keys.ENTER);
    }

    /** Waits until {@code #status} says {@code state} and returns its text. */
    String awaitState(String expected) {
        await().atMost(Browser.PATIENCE)
                .ignoreException(StaleElementReferenceException.class)
                .untilAsserted(
                        () -> assertThat(state()).as("#status[data-state]").isEqualTo(expected));
        return browser.driver().findElement(By.id("status")).getText();
    }

    /** {@code #status}'s data-state, or what stands in the way of reading it. */
    String state() {
        var status = browser.all("#status");
        return status.isEmpty() ? "(no #status in the page)" : status.getFirst().getDomAttribute("data-state");
    }

    /** Waits until the page is ready with {@code count} results listed. */
    List<WebElement> awaitResults(int count) {
        await().atMost(Browser.PATIENCE)
                .ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(state()).as("#status[data-state]").isEqualTo("ready");
                    // the titles and stories shown, so that a failure says which result is missing or collapsed
                    assertThat(results())
                            .as(() -> "#results li.result: " + shown())
                            .hasSize(count);
                });
        return results();
    }

    private String shown() {
        return results().stream()
                .map(result -> result.getDomAttribute("data-story-id") + " "
                        + result.findElement(By.cssSelector("a.result-title")).getText())
                .toList()
                .toString();
    }

    List<WebElement> results() {
        return browser.all("#results li.result");
    }

    List<String> resultIds() {
        return results().stream().map(r -> r.getDomAttribute("data-article-id")).toList();
    }

    String resultCountText() {
        return browser.visible("#result-count").getText();
    }

    WebElement facetValue(String facet, String value) {
        return browser.visible(facetSelector(facet, value));
    }

    /** The count a facet shows beside a value; empty when the facet does not list the value. */
    Optional<Long> facetCount(String facet, String value) {
        return browser.all(facetSelector(facet, value)).stream()
                .findFirst()
                .map(button -> Long.parseLong(button.findElement(By.cssSelector("span.count"))
                        .getText()
                        .replaceAll("[^0-9]", "")));
    }

    /** Waits until the facet shows {@code count} beside the value (0: until it no longer lists it, or shows 0). */
    void awaitFacetCount(String facet, String value, long count) {
        await().atMost(Browser.PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(
                        facetCount(facet, value).orElse(0L))
                .as("count of %s=%s", facet, value)
                .isEqualTo(count));
    }

    List<WebElement> chips() {
        return browser.all("#chips button.chip");
    }

    Optional<WebElement> chip(String facet, String value) {
        return browser.all("#chips button.chip[data-facet='%s'][data-value='%s']".formatted(facet, css(value))).stream()
                .findFirst();
    }

    /** The values of a parameter in the page's URL, decoded. */
    List<String> urlParameter(String name) {
        var query = browser.currentUri().getRawQuery();
        var values = new ArrayList<String>();
        if (query != null) {
            for (var pair : query.split("&")) {
                var parts = pair.split("=", 2);
                if (decode(parts[0]).equals(name)) {
                    values.add(parts.length > 1 ? decode(parts[1]) : "");
                }
            }
        }
        return values;
    }

    /** The open article or story view, once it is shown. */
    WebElement view(String id) {
        return browser.visible("#" + id);
    }

    /**
     * The view once it shows what it loaded: the dashboard marks it {@code aria-busy} from the moment it opens, with
     * "Loading…" as its heading, until the article or story has been rendered (or failed).
     */
    WebElement loadedView(String id) {
        var view = view(id);
        await().atMost(Browser.PATIENCE).until(() -> view.getDomAttribute("aria-busy") == null);
        return view;
    }

    boolean viewOpen(String id) {
        return browser.all("#" + id).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Saves the current search under {@code name} and returns its entry in the list, once it is shown. */
    WebElement saveSearch(String name) {
        browser.visible("#save-search").click();
        browser.visible("#save-form #saved-name").sendKeys(name, Keys.ENTER);
        return await().atMost(Browser.PATIENCE)
                .ignoreExceptions()
                .until(() -> savedSearch(name), WebElement::isDisplayed);
    }

    /** Deletes the saved search through its button, and waits until the list no longer shows it. */
    void deleteSavedSearch(String name) {
        savedSearch(name).findElement(By.cssSelector("button.saved-delete")).click();
        // the list is drawn anew while it is read
        await().atMost(Browser.PATIENCE)
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.all("#saved li.saved-search").stream()
                        .noneMatch(item -> item.getText().contains(name)));
    }

    private WebElement savedSearch(String name) {
        return browser.all("#saved li.saved-search").stream()
                .filter(item -> item.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no saved search named " + name));
    }

    private static String facetSelector(String facet, String value) {
        return "#facets button.facet-value[data-facet='%s'][data-value='%s']".formatted(facet, css(value));
    }

    private static String css(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
