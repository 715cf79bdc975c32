package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void readsTheArticleOfAJsonLdPageWithoutItsBoilerplate() {
        var page = extractor.extract(
                fixture("json-ld-article.html"), URI.create("https://courier.example.org/news/harbour-bridge"));

        assertThat(page.title()).isEqualTo("Harbour bridge reopens after repairs");
        assertThat(page.authors()).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(page.published()).contains(Instant.parse("2024-03-05T06:30:00Z"));
        assertThat(page.modified()).contains(Instant.parse("2024-03-05T08:10:00Z"));
        assertThat(page.language()).contains("en-GB");
        assertThat(page.image()).contains(URI.create("https://cdn.example.org/img/bridge.jpg"));
        assertThat(page.canonicalUrl())
                .contains(URI.create("https://courier.example.org/news/2024/03/harbour-bridge-reopens"));
        assertThat(page.text().split("\n\n"))
                .containsExactly(
                        "The harbour bridge reopened to traffic on Tuesday morning, four months after engineers closed"
                                + " it to replace corroded cables.",
                        "Commuters who had faced a detour of almost an hour, through the industrial estate and over the"
                                + " old ring road, welcomed the news.",
                        "A costly repair",
                        "The works cost the council about 12 million euros, more than twice the first estimate,"
                                + " because the damage was worse than the surveys had shown.",
                        "The council said it would publish the engineers' full report next month, together with a plan"
                                + " for inspecting the other bridges of the city.");
    }

    @Test
    void readsOpenGraphAndMetaTagsWhenThereIsNoJsonLd() {
        var page = extractor.extract(
                fixture("open-graph-article.html"), URI.create("https://stadtanzeiger.example.de/lokales/linie-7"));

        assertThat(page.title()).isEqualTo("Neue Straßenbahnlinie eröffnet");
        assertThat(page.authors()).containsExactly("Erika Mustermann", "Max Muster");
        assertThat(page.published()).contains(Instant.parse("2024-06-01T16:45:00Z"));
        assertThat(page.modified()).contains(Instant.parse("2024-06-02T08:00:00Z"));
        assertThat(page.language()).contains("de");
        assertThat(page.image()).contains(URI.create("https://stadtanzeiger.example.de/bilder/tram.jpg"));
        assertThat(page.canonicalUrl())
                .contains(URI.create("https://stadtanzeiger.example.de/lokales/strassenbahn-linie-7"));
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

        assertThat(page.text().split("\n\n"))
                .containsExactly(
                        "The central library will stay open until ten in the evening from next month, the city's"
                                + " culture department announced on Friday.",
                        "Students had asked for longer hours for years, saying that the reading rooms were the only"
                                + " quiet place many of them had to study.",
                        "The extra hours will be paid for by a grant from a regional foundation, which has promised to"
                                + " fund them for at least three years.",
                        "Staff will be hired for the evening shifts, and the café on the ground floor will also stay"
                                + " open later, the department said.");
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
