package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When search loses Elasticsearch the page says so, offers a retry, and recovers by itself once the node is back. */
@ExtendWith(DashboardStack.Shared.class)
class ErrorStateTest {

    @Test
    void thePageSaysSearchIsDownAndRecoversWhenElasticsearchIsBack(DashboardStack stack) {
        var desk = Desk.post(stack);
        try (var browser = stack.signedInBrowser(1280, 800)) {
            var page = new DashboardPage(browser);
            browser.open(stack.dashboard("q=" + desk.word()));
            page.awaitResults(Desk.SIZE);

            stack.elasticsearch().shut();
            try {
                page.facetValue("source", Desk.GAZETTE).click();
                var said = page.awaitState("error");
                assertThat(said).isNotBlank();
                assertThat(browser.visible("#retry").isEnabled()).isTrue();
                browser.screenshot("error");
                assertThat(Axe.seriousViolations(browser))
                        .as("serious or critical axe-core violations on the error state")
                        .isEmpty();
            } finally {
                stack.elasticsearch().open();
            }

            // no click: the page retries by itself
            page.awaitResults(Desk.BY_GAZETTE);
            assertThat(page.urlParameter("source")).containsExactly(Desk.GAZETTE);
        }
    }
}
