package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An article whose every field carries markup meant to run or load something: the dashboard shows it as data, so
 * nothing runs, nothing loads from the canary the markup points at, and none of the markup becomes an element.
 */
@ExtendWith(DashboardStack.Shared.class)
class HostileArticleTest {

    @Test
    void theHostileArticleExecutesAndLoadsNothingInTheResultsAndItsView(DashboardStack stack) {
        var word = "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var canary = CanaryServer.start();
                var browser = stack.signedInBrowser(1280, 800)) {
            var id = stack.post(hostileArticle(word, canary));
            stack.awaitSearchable(word, 1);
            var page = new DashboardPage(browser);

            browser.open(stack.dashboard("q=" + word));
            page.awaitResults(1);
            assertNothingRanOrLoaded(browser, canary);

            page.results()
                    .getFirst()
                    .findElement(By.cssSelector("a.result-title"))
                    .click();
            var view = page.loadedView("article-view");
            assertThat(page.urlParameter("article")).containsExactly(id);
            assertThat(view.findElement(By.cssSelector(".article-title")).getText())
                    .contains("Harbour");
            assertThat(view.findElement(By.cssSelector("a.article-original")).getDomAttribute("href"))
                    .startsWith("http");
            browser.screenshot("hostile-article");
            assertNothingRanOrLoaded(browser, canary);
        }
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicyThatAllowsNoInlineScript(DashboardStack stack) {
        var response = stack.search().get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        var policy = response.headers().firstValue("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy header").isPresent();
        var directives = List.of(policy.orElseThrow().split(";"));
        var scriptSources = directives.stream()
                .map(String::strip)
                .filter(d -> d.startsWith("script-src ") || d.equals("script-src"))
                .findFirst()
                .or(() -> directives.stream()
                        .map(String::strip)
                        .filter(d -> d.startsWith("default-src"))
                        .findFirst());
        assertThat(scriptSources)
                .as("script-src or default-src in " + policy.get())
                .isPresent();
        assertThat(scriptSources.orElseThrow())
                .doesNotContain("'unsafe-inline'")
                .doesNotContain("'unsafe-eval'")
                .doesNotContain("*")
                .doesNotContain("data:");
    }

    private static void assertNothingRanOrLoaded(Browser browser, CanaryServer canary) {
        assertThat(browser.dialogOpen()).as("a JavaScript dialog is open").isFalse();
        assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
        // whatever the page would load, it has had the time to ask for
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        canary.requests())
                .as("requests that reached the canary")
                .isEmpty());
        var port = canary.port();
        for (var selector : List.of(
                "iframe",
                "frame",
                "object",
                "embed",
                "body style",
                "body link",
                "body base",
                "body meta",
                "form[action*='%d']".formatted(port),
                "svg[onload]",
                "[onerror]",
                "[onload]",
                "[onclick]",
                "[onmouseover]",
                "[style*='%d']".formatted(port),
                "[src*='%d']".formatted(port),
                "[srcset]",
                "[href^='javascript:' i]",
                "[href*='/pwned']",
                "img[src='x']",
                "marquee")) {
            assertThat(browser.all(selector))
                    .as("elements matching " + selector)
                    .isEmpty();
        }
        assertThat(browser.all("script")).as("scripts of the article's markup").allSatisfy(script -> assertThat(
                        script.getDomProperty("textContent") + script.getDomAttribute("src"))
                .doesNotContain("__pwned"));
        assertThat(browser.dialogOpen()).as("a JavaScript dialog is open").isFalse();
    }

    private static Map<String, Object> hostileArticle(String word, CanaryServer canary) {
        var title = "Harbour <script>window.__pwned=1;alert('title')</script>"
                + "<img src=x onerror=\"window.__pwned=1;alert('img')\"> <i>report</i> " + word;
        var body =
                """
                <p>The port reopened, %1$s.</p>
                <script>window.__pwned = 1; alert('body'); fetch('%2$s');</script>
                <img src="x" onerror="window.__pwned=1;alert('onerror')">
                <img src="%3$s" srcset="%3$s 2x">
                <a href="javascript:window.__pwned=1;alert('link')">Read more</a>
                <a href="%4$s/pwned" onclick="window.__pwned=1">details</a>
                <iframe src="%5$s"></iframe>
                <style>body { background: url('%6$s'); } * { display: none; }</style>
                <link rel="stylesheet" href="%7$s">
                <svg onload="window.__pwned=1;alert('svg')"><circle r="5"/></svg>
                <object data="%8$s"></object><embed src="%8$s">
                <form action="%9$s"><button>Subscribe</button></form>
                <div style="background-image: url('%6$s')">styled</div>
                <base href="%10$s"><meta http-equiv="refresh" content="0;url=%10$s">
                <marquee onstart="window.__pwned=1">moving</marquee>
                """
                        .formatted(
                                word,
                                canary.url("fetch"),
                                canary.url("img"),
                                canary.url("anchor"),
                                canary.url("iframe"),
                                canary.url("style"),
                                canary.url("link"),
                                canary.url("object"),
                                canary.url("form"),
                                canary.url("base"));
        var article = DashboardStack.article(
                title, body, "<b>Evil</b> Outlet <img src=x onerror=alert('source')>", canary.url("original"));
        article.put(
                "summary", "<img src='%s' onerror=alert('summary')> Summary %s".formatted(canary.url("summary"), word));
        article.put("authors", List.of("<script>alert('author')</script>Mallory"));
        article.put("tags", List.of("<img src=x onerror=alert('tag')>", "harbour"));
        article.put("language", "en");
        return article;
    }
}
