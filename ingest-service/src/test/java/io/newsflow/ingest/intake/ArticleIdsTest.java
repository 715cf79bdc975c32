package io.newsflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdsTest {

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Example.COM/News/a?b=2&a=1#top, https://example.com/News/a?a=1&b=2",
        "https://example.com:443/a, https://example.com/a",
        "http://example.com:80/a, http://example.com/a",
        "http://example.com:8080/a, http://example.com:8080/a",
        "https://example.com, https://example.com/",
        "https://example.com/a?utm_source=x&id=7&fbclid=y&gclid=z&UTM_Medium=m, https://example.com/a?id=7",
    })
    void canonicalisesUrls(String url, String canonical) {
        assertThat(ArticleIds.canonicalUrl(url)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.com/a", "mailto:news@example.com", "not a url", "/relative/path"})
    void ignoresWhatIsNotAnHttpUrl(String url) {
        assertThat(ArticleIds.canonicalUrl(url)).isEmpty();
    }

    @Test
    void sameArticleBehindDecoratedLinksGetsOneId() {
        var plain = ArticleIds.of("https://news.example.com/story?id=1", "Example", null, "h1");
        var decorated =
                ArticleIds.of("https://NEWS.example.com:443/story?utm_campaign=rss&id=1#comments", "Other", "g", "h2");

        assertThat(decorated).isEqualTo(plain).matches("[0-9a-f]{32}");
    }

    @Test
    void withoutUrlTheIdComesFromSourceAndGuidThenFromContent() {
        var byGuid = ArticleIds.of(null, "Example", "urn:story:1", "h1");

        assertThat(ArticleIds.of(null, " example ", "urn:story:1", "other content"))
                .isEqualTo(byGuid);
        assertThat(ArticleIds.of(null, "Another source", "urn:story:1", "h1")).isNotEqualTo(byGuid);
        assertThat(ArticleIds.of(null, null, null, "h1"))
                .isEqualTo(ArticleIds.of(null, "Any", " ", "h1"))
                .isNotEqualTo(ArticleIds.of(null, null, null, "h2"));
    }
}
