package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            json-ld-article.html | https://courier.example.org/news/harbour-bridge | Harbour bridge reopens after repairs \
            | Ada Lovelace;Grace Hopper | 2024-03-05T06:30:00Z | 2024-03-05T08:10:00Z | en-GB \
            | https://cdn.example.org/img/bridge.jpg | https://courier.example.org/news/2024/03/harbour-bridge-reopens
            open-graph-article.html | https://stadtanzeiger.example.de/lokales/linie-7 | Neue Straßenbahnlinie eröffnet \
            | Erika Mustermann;Max Muster | 2024-06-01T16:45:00Z | 2024-06-02T08:00:00Z | de \
            | https://stadtanzeiger.example.de/bilder/tram.jpg | https://stadtanzeiger.example.de/lokales/strassenbahn-linie-7
            """)
    void readsTheMetadataFromJsonLdElseFromOpenGraphAndMetaTags(
            String fixture,
            URI url,
            String title,
            String authors,
            Instant published,
            Instant modified,
            String language,
            URI image,
            URI canonicalUrl) {
        var page = extractor.extract(fixture(fixture), url);

        assertThat(page)
                .usingRecursiveComparison()
                .ignoringFields("text")
                .isEqualTo(new ExtractedPage(
                        title,
                        "",
                        List.of(authors.split(";")),
                        Optional.of(published),
                        Optional.of(modified),
                        Optional.of(language),
                        Optional.of(image),
                        Optional.of(canonicalUrl)));
    }

    @Test
    void readsTheArticleOfAJsonLdPageWithoutItsBoilerplate() {
        var page = extractor.extract(
                fixture("json-ld-article.html"), URI.create("https://courier.example.org/news/harbour-bridge"));

        assertThat(page.text())
                .isEqualTo(
                        """
                        The harbour bridge reopened to traffic on Tuesday morning, four months after engineers closed it to \
                        replace corroded cables.

                        Commuters who had faced a detour of almost an hour, through the industrial estate and over the old \
                        ring road, welcomed the news.

                        A costly repair

                        The works cost the council about 12 million euros, more than twice the first estimate, because the \
                        damage was worse than the surveys had shown.

                        The council said it would publish the engineers' full report next month, together with a plan for \
                        inspecting the other bridges of the city.""");
    }

    @Test
    void readsOpenGraphAndMetaTagsWhenThereIsNoJsonLd() {
        var page = extractor.extract(
                fixture("open-graph-article.html"), URI.create("https://stadtanzeiger.example.de/lokales/linie-7"));

        assertThat(page.text())
                .startsWith("Seit Samstag fährt die Linie 7")
                .endsWith("was rund 80 Millionen Euro kostete.")
                .doesNotContain("Lokales");
        assertThat(page.text().split("\n\n")).hasSize(3);
    }

    @Test
    void leavesOutBannersPromptsRelatedLinksCommentsAndHiddenText() {
        var page = extractor.extract(
                fixture("banners-and-comments.html"), URI.create("https://gazette.example.com/library-hours"));

        assertThat(page.text())
                .isEqualTo(
                        """
                        The central library will stay open until ten in the evening from next month, the city's culture \
                        department announced on Friday.

                        Students had asked for longer hours for years, saying that the reading rooms were the only quiet \
                        place many of them had to study.

                        The extra hours will be paid for by a grant from a regional foundation, which has promised to fund \
                        them for at least three years.

                        Staff will be hired for the evening shifts, and the café on the ground floor will also stay open \
                        later, the department said.""");
        assertThat(page.authors()).isEmpty();
        assertThat(page.published()).isEmpty();
        assertThat(page.language()).isEmpty();
    }

    @Test
    void findsTheBylineAndTheDateInTheMarkupAndKeepsAnArticleWhoseContainerHasABoilerplateName() {
        var page = extractor.extract(
                fixture("byline-in-markup.html"), URI.create("https://islandtimes.example.net/ferry"));

        assertThat(page.title()).isEqualTo("Ferry service resumes after the storm");
        assertThat(page.authors()).containsExactly("Jane Doe");
        assertThat(page.published()).contains(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(page.text())
                .startsWith("The ferry between the island and the mainland resumed on Tuesday")
                .endsWith("remained valid.")
                .doesNotContain("Jane Doe", "Published");
    }

    @Test
    void takesThePublicationDateFromTheUrlWhenThePageGivesNone() {
        var page = extractor.extract(
                "<html><body><h1>Results</h1><p>Nothing else here.</p></body></html>",
                URI.create("https://news.example.org/2023/dec/21/results"));

        assertThat(page.published()).contains(Instant.parse("2023-12-21T00:00:00Z"));
    }

    @Test
    void givesAnEmptyPageForAPageWithoutContent() {
        var page = extractor.extract("", URI.create("https://example.org/"));

        assertThat(page.title()).isEmpty();
        assertThat(page.text()).isEmpty();
        assertThat(page.authors()).isEmpty();
        assertThat(page.canonicalUrl()).isEmpty();
    }

    @Test
    void datesThePublicationOnThePagesOwnDay() {
        var page = extractor.extract(
                "<html><head><meta property=\"article:published_time\" content=\"2023-12-21T20:15:00-05:00\">"
                        + "</head><body><p>Some text.</p></body></html>",
                URI.create("https://example.org/a"));

        assertThat(page.published()).contains(Instant.parse("2023-12-22T01:15:00Z"));
        assertThat(page.publishedDay()).contains(LocalDate.of(2023, 12, 21));
    }

    @Test
    void takesTheDayThePageShowsForItsArticleNotTheSitesCalendar() {
        var page = extractor.extract(
                "<html><head><meta property=\"article:published_time\" content=\"2023-12-24T01:06:51+00:00\">"
                        + "</head><body><div class=\"nav-item\">Sunday, December 24, 2023</div>"
                        + "<h1>Director explains the film</h1><p class=\"byline\">By Ann Lee, Dec 23, 2023 5:06pm PT</p>"
                        + "<p>Some text.</p></body></html>",
                URI.create("https://example.org/a"));

        assertThat(page.published()).contains(Instant.parse("2023-12-24T01:06:51Z"));
        assertThat(page.publishedDay()).contains(LocalDate.of(2023, 12, 23));
    }

    @Test
    void keepsTheDeclaredDayWhenThePageShowsAnUnrelatedOne() {
        var page = extractor.extract(
                "<html><head><meta property=\"article:published_time\" content=\"2023-08-21T10:00:00-04:00\">"
                        + "</head><body><h1>Five questions for an artist</h1>"
                        + "<p class=\"date\">December 22, 2023</p><p>Some text.</p></body></html>",
                URI.create("https://example.org/a"));

        assertThat(page.publishedDay()).contains(LocalDate.of(2023, 8, 21));
    }

    @Test
    void keepsTheHeadlineInsideAPageWhoseClassesMentionItsLogo() {
        var page = extractor.extract(
                "<html><head><title>An SEO title | Site</title><meta property=\"og:title\" content=\"An SEO title\">"
                        + "</head><body class=\"single wp-custom-logo\"><div class=\"site-logo\"><h1>Site</h1></div>"
                        + "<article class=\"u-border-color-brand-secondary\"><h1>The headline the page shows</h1>"
                        + "<p>Some text.</p></article></body></html>",
                URI.create("https://example.org/a"));

        assertThat(page.title()).isEqualTo("The headline the page shows");
    }

    @Test
    void ignoresAMalformedJsonLdBlock() {
        var page = extractor.extract(
                "<html><head><title>Plain title</title><script type=\"application/ld+json\">{\"@type\": "
                        + "</script></head><body><p>Some text.</p></body></html>",
                URI.create("https://example.org/a"));

        assertThat(page.title()).isEqualTo("Plain title");
    }

    @Test
    void givesTheSameResultOnEveryThreadAndEveryCall() throws Exception {
        var html = fixture("json-ld-article.html");
        var url = URI.create("https://courier.example.org/news/harbour-bridge");
        var expected = extractor.extract(html, url);
        try (var executor = Executors.newFixedThreadPool(4)) {
            var calls = new ArrayList<Callable<ExtractedPage>>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> extractor.extract(html, url));
            }
            List<Future<ExtractedPage>> results = executor.invokeAll(calls);
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    static String fixture(String name) {
        try (var in = PageExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
