package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Searching, narrowing by facets and dates, opening stories and deep links, in a real browser. */
class DashboardSearchTest extends DeskInABrowser {

    @Test
    void aFacetClickNarrowsTheResultsAndEveryCountAndItsChipRemovesItAgain() {
        browser.open(stack.dashboard(""));
        page.search(desk.word());
        page.awaitResults(Desk.SIZE);
        assertThat(page.resultCountText()).contains(String.valueOf(Desk.SIZE));
        page.awaitFacetCount("source", Desk.GAZETTE, Desk.BY_GAZETTE);
        page.awaitFacetCount("language", "en", Desk.SIZE);
        page.awaitFacetCount("tag", "region", Desk.SIZE - Desk.BY_GAZETTE);

        page.facetValue("source", Desk.GAZETTE).click();

        var narrowed = page.awaitResults(Desk.BY_GAZETTE);
        assertThat(narrowed).allSatisfy(result -> assertThat(
                        result.findElement(By.cssSelector(".source")).getText())
                .isEqualTo(Desk.GAZETTE));
        assertThat(page.urlParameter("source")).containsExactly(Desk.GAZETTE);
        assertThat(page.resultCountText()).contains(String.valueOf(Desk.BY_GAZETTE));
        page.awaitFacetCount("language", "en", Desk.BY_GAZETTE);
        page.awaitFacetCount("tag", "docks", Desk.BY_GAZETTE);
        page.awaitFacetCount("tag", "region", 0);
        var chip = page.chip("source", Desk.GAZETTE);
        assertThat(chip).as("a chip for the source filter").isPresent();

        chip.orElseThrow().click();

        page.awaitResults(Desk.SIZE);
        assertThat(page.urlParameter("source")).isEmpty();
        assertThat(page.chip("source", Desk.GAZETTE)).isEmpty();
        page.awaitFacetCount("language", "en", Desk.SIZE);
        page.awaitFacetCount("tag", "region", Desk.SIZE - Desk.BY_GAZETTE);
    }

    @Test
    void aDragAcrossTheHistogramNarrowsTheDates() {
        browser.open(stack.dashboard("q=" + desk.word()));
        page.awaitResults(Desk.SIZE);
        var histogram = browser.visible("#histogram");
        await().atMost(Browser.PATIENCE)
                .until(() -> browser.all("#histogram rect.bar").size() > 1);
        var width = histogram.getRect().getWidth();

        // from the left edge to the middle: the older half of the range
        new Actions(browser.driver())
                .moveToElement(histogram, -width / 2 + 2, 0)
                .clickAndHold()
                .moveToElement(histogram, -width / 4, 0)
                .moveToElement(histogram, 0, 0)
                .release()
                .perform();

        await().atMost(Browser.PATIENCE)
                .untilAsserted(() -> assertThat(page.urlParameter("from")).hasSize(1));
        assertThat(page.urlParameter("to")).hasSize(1);
        var from = start(page.urlParameter("from").getFirst());
        var to = end(page.urlParameter("to").getFirst());
        var oldest = desk.published().stream().min(Comparator.naturalOrder()).orElseThrow();
        var newest = desk.published().stream().max(Comparator.naturalOrder()).orElseThrow();
        assertThat(from).isBeforeOrEqualTo(oldest.plusSeconds(1));
        assertThat(to).isBefore(newest);
        var expected = desk.published().stream()
                .filter(at -> !at.isBefore(from) && at.isBefore(to))
                .count();
        assertThat(expected).isBetween(1L, (long) Desk.SIZE - 1);
        var narrowed = page.awaitResults((int) expected);
        assertThat(narrowed).allSatisfy(result -> {
            var published =
                    Instant.parse(result.findElement(By.cssSelector("time")).getDomAttribute("datetime"));
            assertThat(published).isBetween(from, to);
        });
        assertThat(browser.all("#chips button.chip[data-facet=date]")).hasSize(1);
    }

    @Test
    void aStoryOpensWithItsArticlesInTimeOrderAndTheirSources() {
        var word = TwoOutletStory.post(stack).word();

        browser.open(stack.dashboard("q=" + word));
        page.awaitState("ready");
        var more = browser.visible("#results button.story-more");
        more.click();

        var view = page.view("story-view");
        assertThat(page.urlParameter("story")).hasSize(1);
        var articles = await().atMost(Browser.PATIENCE)
                .until(() -> view.findElements(By.cssSelector("li.story-article")), list -> list.size() == 2);
        assertThat(articles)
                .extracting(article ->
                        article.findElement(By.cssSelector(".source")).getText())
                .containsExactly(TwoOutletStory.FIRST_SOURCE, TwoOutletStory.SECOND_SOURCE);
        assertThat(view.findElement(By.cssSelector(".story-sources")).getText())
                .contains(TwoOutletStory.FIRST_SOURCE)
                .contains(TwoOutletStory.SECOND_SOURCE);
    }

    @Test
    void aDeepLinkRestoresTheWholeStateAndBackAndForwardWalkThroughIt() {
        var titles = desk.titleById(stack);
        var gazetteArticle = desk.ids().getFirst();
        browser.open(stack.dashboard("q=%s&source=%s&sort=newest&article=%s"
                .formatted(desk.word(), DashboardStack.encode(Desk.GAZETTE), gazetteArticle)));

        page.awaitResults(Desk.BY_GAZETTE);
        assertThat(browser.visible("#q").getDomProperty("value")).isEqualTo(desk.word());
        assertThat(page.chip("source", Desk.GAZETTE)).isPresent();
        assertThat(page.results()).allSatisfy(result -> assertThat(
                        result.findElement(By.cssSelector(".source")).getText())
                .isEqualTo(Desk.GAZETTE));
        assertThat(page.resultIds()).as("newest first").containsExactly(newestFirst(Desk.GAZETTE));
        var article = page.view("article-view");
        await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(
                        article.findElement(By.cssSelector(".article-title")).getText())
                .isEqualTo(titles.get(gazetteArticle)));

        // a path of its own: search, filter, open an article; then back and forward through it
        browser.open(stack.dashboard(""));
        page.search(desk.word());
        page.awaitResults(Desk.SIZE);
        page.facetValue("source", Desk.COURIER).click();
        var courier = page.awaitResults(3);
        titleLink(courier.getFirst()).click();
        page.view("article-view");
        assertThat(page.urlParameter("article")).hasSize(1);

        browser.driver().navigate().back();
        await().atMost(Browser.PATIENCE).until(() -> !page.viewOpen("article-view"));
        assertThat(page.urlParameter("article")).isEmpty();
        assertThat(page.urlParameter("source")).containsExactly(Desk.COURIER);
        page.awaitResults(3);

        browser.driver().navigate().back();
        page.awaitResults(Desk.SIZE);
        assertThat(page.urlParameter("source")).isEmpty();
        assertThat(page.chips()).isEmpty();
        assertThat(browser.visible("#q").getDomProperty("value")).isEqualTo(desk.word());

        browser.driver().navigate().forward();
        page.awaitResults(3);
        assertThat(page.chip("source", Desk.COURIER)).isPresent();

        browser.driver().navigate().forward();
        page.view("article-view");
        assertThat(page.urlParameter("article")).hasSize(1);
    }

    private static WebElement titleLink(WebElement result) {
        return result.findElement(By.cssSelector("a.result-title"));
    }

    private String[] newestFirst(String source) {
        return IntStream.range(0, Desk.SIZE)
                .filter(i -> desk.source(i).equals(source))
                .boxed()
                .sorted(Comparator.comparing(i -> desk.published().get((int) i)).reversed())
                .map(i -> desk.ids().get(i))
                .toArray(String[]::new);
    }

    /** A from parameter: a date means its start, an instant itself. */
    private static Instant start(String value) {
        return value.length() == 10
                ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(value);
    }

    /** A to parameter: a date means the whole day (so its end), an instant itself. */
    private static Instant end(String value) {
        return value.length() == 10
                ? LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(value);
    }
}
