package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every view of the dashboard, as an editor reaches it, passes axe-core without a serious or critical violation, and
 * is saved as a screenshot under {@code target/screenshots/} (the error state: {@link ErrorStateTest}).
 */
class AccessibilityTest extends DeskInABrowser {

    @Test
    void theResults() {
        browser.open(stack.dashboard("q=" + desk.word()));
        page.awaitResults(Desk.SIZE);
        browser.visible("#histogram");
        assertAccessible("results");
    }

    @Test
    void theResultsOnAWideScreen() {
        try (var wide = stack.signedInBrowser(1920, 1080)) {
            wide.open(stack.dashboard("q=" + desk.word()));
            new DashboardPage(wide).awaitResults(Desk.SIZE);
            wide.screenshot("results-1920x1080");
            assertThat(Axe.seriousViolations(wide))
                    .as("axe-core on results at 1920×1080")
                    .isEmpty();
        }
    }

    @Test
    void theEmptyResultsAndTheSyntaxHelp() {
        browser.open(stack.dashboard("q=nothingmatches" + desk.word()));
        page.awaitState("empty");
        browser.visible("#syntax-help").click();
        browser.visible("#syntax-help-panel");
        assertAccessible("empty-with-syntax-help");
    }

    @Test
    void theArticleView() {
        browser.open(stack.dashboard("q=" + desk.word()));
        page.awaitResults(Desk.SIZE)
                .getFirst()
                .findElement(By.cssSelector("a.result-title"))
                .click();
        page.loadedView("article-view");
        assertAccessible("article");
    }

    @Test
    void theStoryView() {
        var word = TwoOutletStory.post(stack).word();
        browser.open(stack.dashboard("q=" + word));
        page.awaitState("ready");
        browser.visible("#results button.story-more").click();
        var view = page.view("story-view");
        await().atMost(Browser.PATIENCE)
                .until(() ->
                        view.findElements(By.cssSelector("li.story-article")).size() == 2);
        assertAccessible("story");
    }

    @Test
    void theSavedSearches() {
        var name = "Docks " + desk.word();
        browser.open(stack.dashboard("q=" + desk.word() + "&tag=docks"));
        page.awaitResults(Desk.BY_GAZETTE);
        page.saveSearch(name);
        assertAccessible("saved-searches");
        page.deleteSavedSearch(name);
    }

    private void assertAccessible(String view) {
        browser.screenshot(view);
        assertThat(Axe.seriousViolations(browser))
                .as("serious or critical axe-core violations on the %s view", view)
                .isEmpty();
    }
}
