package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
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

    static String fixture(String name) {
        try (var in = PageExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
