package io.newsflow.e2e.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class whose tests share one {@link Desk} of articles and one browser at 1280×800. */
@ExtendWith(DashboardStack.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeskInABrowser {

    DashboardStack stack;
    Desk desk;
    Browser browser;
    DashboardPage page;

    @BeforeAll
    void postTheDeskAndOpenABrowser(DashboardStack shared) {
        stack = shared;
        desk = Desk.post(stack);
        browser = stack.signedInBrowser(1280, 800);
        page = new DashboardPage(browser);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
