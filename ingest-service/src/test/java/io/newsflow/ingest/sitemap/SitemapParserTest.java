package io.newsflow.ingest.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SitemapParserTest {

    private static final URI BASE = URI.create("https://news.example.com/sitemap.xml");
    private final SitemapParser parser = new SitemapParser(100);

    static String newsSitemap(String... locs) {
        var urls = new StringBuilder();
        for (var loc : locs) {
            urls.append("<url><loc>")
                    .append(loc)
                    .append("</loc><lastmod>2025-09-02</lastmod><news:news>")
                    .append("<news:publication><news:name>Example Times</news:name><news:language>en</news:language>")
                    .append("</news:publication><news:publication_date>2025-09-01T08:00:00+02:00")
                    .append("</news:publication_date><news:title>Title of ")
                    .append(loc)
                    .append("</news:title></news:news></url>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">" + urls + "</urlset>";
    }

    static String index(String... locs) {
        var sitemaps = new StringBuilder();
        for (var loc : locs) {
            sitemaps.append("<sitemap><loc>").append(loc).append("</loc></sitemap>");
        }
        return "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + sitemaps
                + "</sitemapindex>";
    }

    @Test
    void readsTheNewsExtensionOfEachPage() throws Exception {
        var sitemap = parser.parse(bytes(newsSitemap("https://news.example.com/a", "/b")), BASE);

        assertThat(sitemap.sitemaps()).isEmpty();
        assertThat(sitemap.entries()).hasSize(2);
        var first = sitemap.entries().getFirst();
        assertThat(first.url()).isEqualTo(URI.create("https://news.example.com/a"));
        assertThat(first.title()).contains("Title of https://news.example.com/a");
        assertThat(first.published()).contains(Instant.parse("2025-09-01T06:00:00Z"));
        assertThat(first.modified()).contains(Instant.parse("2025-09-02T00:00:00Z"));
        assertThat(first.language()).contains("en");
        assertThat(first.publication()).contains("Example Times");
        assertThat(sitemap.entries().get(1).url()).isEqualTo(URI.create("https://news.example.com/b"));
    }

    @Test
    void readsTheChildSitemapsOfAnIndex() throws Exception {
        var body = bytes(index("https://news.example.com/news-1.xml", "https://news.example.com/news-2.xml"));

        assertThat(SitemapParser.isSitemap(body)).isTrue();
        assertThat(parser.parse(body, BASE).sitemaps())
                .containsExactly(
                        URI.create("https://news.example.com/news-1.xml"),
                        URI.create("https://news.example.com/news-2.xml"));
    }

    @Test
    void tellsASitemapFromAFeedAndRefusesADoctype() {
        assertThat(SitemapParser.isSitemap(bytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>")))
                .isFalse();
        var hostile = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>&x;</loc></url></urlset>";

        assertThatThrownBy(() -> parser.parse(bytes(hostile), BASE)).isInstanceOf(SitemapException.class);
    }

    @Test
    void takesAtMostTheCapOfPages() throws Exception {
        var small = new SitemapParser(1);

        assertThat(small.parse(bytes(newsSitemap("/a", "/b", "/c")), BASE).entries())
                .hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
