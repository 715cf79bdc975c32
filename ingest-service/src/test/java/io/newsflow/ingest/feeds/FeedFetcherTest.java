package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.PoliteHosts;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.SafeHttp;
import io.newsflow.ingest.sitemap.Sitemap;
import io.newsflow.ingest.sitemap.SitemapParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private static final long MAX_BYTES = 64 * 1024;

    private final LocalFeedServer server = new LocalFeedServer();
    private final FeedFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(10));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static FeedFetcher fetcher(List<String> allowedHosts, Duration readTimeout) {
        var http = http(allowedHosts, readTimeout);
        return new FeedFetcher(http, hosts(http, Duration.ZERO));
    }

    private static SafeHttp http(List<String> allowedHosts, Duration readTimeout) {
        return new SafeHttp(
                SafeHttp.httpClient(Duration.ofSeconds(5)),
                new AddressPolicy(allowedHosts),
                readTimeout,
                MAX_BYTES,
                3,
                "Newsflow-Test/1.0 (+https://newsflow.example/contact)");
    }

    private static PoliteHosts hosts(SafeHttp http, Duration delay) {
        return new PoliteHosts(
                http, delay, 1, Duration.ofSeconds(10), Duration.ofHours(1), "newsflow", new SimpleMeterRegistry());
    }

    /**
     * The page fetcher and the feed poller of an instance share one {@link PoliteHosts}: a sitemap poll waits its
     * turn behind a page of the same host, the host delay after it, and the next page waits the delay after the
     * sitemap; a sitemap that robots.txt disallows is not asked for.
     */
    @Test
    void aSitemapRequestTakesItsTurnAtTheHostGateOfThePageFetches() throws Exception {
        var delay = Duration.ofMillis(500);
        var http = http(List.of("127.0.0.1"), Duration.ofSeconds(10));
        var hosts = hosts(http, delay);
        var fetcher = new FeedFetcher(http, hosts);
        var robots = "User-agent: newsflow\nDisallow: /private\n";
        server.handle("/robots.txt", e -> LocalFeedServer.respond(e, 200, "text/plain", robots.getBytes()));
        server.handle("/page", e -> LocalFeedServer.respond(e, 200, "text/html", "<p>page</p>".getBytes()));
        var sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + server.url("/page") + "</loc></url></urlset>";
        server.handle("/sitemap.xml", e -> LocalFeedServer.respond(e, 200, "application/xml", sitemap.getBytes()));
        server.handle(
                "/private/sitemap.xml", e -> LocalFeedServer.respond(e, 200, "application/xml", sitemap.getBytes()));
        var page = URI.create(server.url("/page"));

        // as PageFetcher asks for a page
        hosts.inTurn(page, () -> http.get(page, java.util.Map.of(), type -> true));
        assertThat(fetcher.fetch(URI.create(server.url("/sitemap.xml")), null, null))
                .isInstanceOf(FeedFetcher.Fetched.class);
        hosts.inTurn(page, () -> http.get(page, java.util.Map.of(), type -> true));
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/private/sitemap.xml")), null, null))
                .isInstanceOfSatisfying(PoliteHosts.NotNowException.class, e -> assertThat(e.reason())
                        .isEqualTo("robots-disallowed"));

        var pages = server.requests("/page");
        var sitemapAsked = server.requests("/sitemap.xml").getFirst().nanoTime();
        assertThat(Duration.ofNanos(sitemapAsked - pages.getFirst().nanoTime())).isGreaterThanOrEqualTo(delay);
        assertThat(Duration.ofNanos(pages.get(1).nanoTime() - sitemapAsked)).isGreaterThanOrEqualTo(delay);
        assertThat(server.requests("/private/sitemap.xml")).isEmpty();
        assertThat(server.requests("/robots.txt")).hasSize(1);
    }

    @Test
    void sendsTheValidatorsOfThePreviousPollAndTreatsA304AsNotModified() throws Exception {
        var feed = LocalFeedServer.rss("Example", "https://news.example.com/a").getBytes(StandardCharsets.UTF_8);
        server.handle("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalFeedServer.respond(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Mon, 01 Sep 2025 08:00:00 GMT");
            LocalFeedServer.respond(exchange, 200, "application/rss+xml", feed);
        });

        var first = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url("/feed")), null, null);
        var second = fetcher.fetch(URI.create(server.url("/feed")), first.etag(), first.lastModified());

        assertThat(first.body()).isEqualTo(feed);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(second).isInstanceOf(FeedFetcher.NotModified.class);
        var conditional = server.requests("/feed").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Mon, 01 Sep 2025 08:00:00 GMT");
    }

    @Test
    void takesTheContentLocationOfTheResponseAsTheDocumentUrl() throws Exception {
        server.handle("/feed", exchange -> {
            exchange.getResponseHeaders().set("Content-Location", "/archive/feed.xml");
            LocalFeedServer.respond(exchange, 200, "application/rss+xml", new byte[] {'x'});
        });
        server.handle("/plain", exchange -> LocalFeedServer.respond(exchange, 200, "text/xml", new byte[] {'x'}));

        var located = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url("/feed")), null, null);
        var plain = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url("/plain")), null, null);

        assertThat(located.documentUrl()).isEqualTo(URI.create(server.url("/archive/feed.xml")));
        assertThat(plain.documentUrl()).isEqualTo(URI.create(server.url("/plain")));
    }

    @Test
    void refusesAFeedOnLoopbackUnlessItsHostIsAllowListed() {
        server.handle("/feed", exchange -> LocalFeedServer.respond(exchange, 200, "text/xml", new byte[] {'x'}));
        var strict = fetcher(List.of(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> strict.fetch(URI.create(server.url("/feed")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED))
                .hasMessageContaining("127.0.0.1");
        assertThat(server.requests("/feed")).isEmpty();
    }

    @Test
    void refusesARedirectToAPrivateOrMetadataAddressWithoutFollowingIt() {
        server.handle("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            LocalFeedServer.respond(exchange, 302, null, new byte[0]);
        });
        server.handle("/to-localhost", exchange -> {
            // localhost is loopback too, but only 127.0.0.1 is allow-listed.
            exchange.getResponseHeaders().set("Location", "http://localhost:" + server.port() + "/feed");
            LocalFeedServer.respond(exchange, 301, null, new byte[0]);
        });
        server.handle("/feed", exchange -> LocalFeedServer.respond(exchange, 200, "text/xml", new byte[] {'x'}));

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/moved")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED))
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/to-localhost")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED));
        assertThat(server.requests("/feed")).isEmpty();
    }

    @Test
    void followsARedirectToAnAllowedAddress() throws Exception {
        server.handle("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new");
            LocalFeedServer.respond(exchange, 308, null, new byte[0]);
        });
        server.handle("/new", exchange -> LocalFeedServer.respond(exchange, 200, "text/xml", "<rss/>".getBytes()));

        var fetched = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url("/old")), null, null);

        assertThat(fetched.url()).isEqualTo(URI.create(server.url("/new")));
    }

    @Test
    void stopsAfterTooManyRedirects() {
        // Each hop to a new URL: a loop back to a URL already seen is cut at once (PageFetcherTest).
        server.handle("/hop", exchange -> {
            var n = Integer.parseInt(exchange.getRequestURI().getQuery().substring(2));
            exchange.getResponseHeaders().set("Location", "/hop?n=" + (n + 1));
            LocalFeedServer.respond(exchange, 302, null, new byte[0]);
        });

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/hop?n=0")), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason())
                        .isEqualTo(FetchException.Reason.TOO_MANY_REDIRECTS));
        assertThat(server.requests("/hop")).hasSize(4);
    }

    @Test
    void refusesOnlyHttpAndHttpsSchemes() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd"), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED));
    }

    @Test
    void refusesAResponseOverTheCapWhetherDeclaredOrStreamed() {
        var big = new byte[(int) MAX_BYTES + 1];
        server.handle("/declared", exchange -> LocalFeedServer.respond(exchange, 200, "text/xml", big));
        server.handle("/streamed", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            exchange.getResponseBody().write(big);
        });

        for (var path : List.of("/declared", "/streamed")) {
            assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url(path)), null, null))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason())
                            .isEqualTo(FetchException.Reason.TOO_LARGE));
        }
    }

    @Test
    void refusesAGzipBodyThatExceedsTheCapOnlyOnceDecompressed() throws Exception {
        var bomb = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[(int) MAX_BYTES * 16]);
        }
        assertThat(bomb.size()).isLessThan((int) MAX_BYTES);
        server.handle("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalFeedServer.respond(exchange, 200, "text/xml", bomb.toByteArray());
        });

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/bomb")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_LARGE));
    }

    @Test
    void decompressesAGzipFeed() throws Exception {
        var feed = LocalFeedServer.rss("Example", "https://news.example.com/a").getBytes(StandardCharsets.UTF_8);
        var gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(feed);
        }
        server.handle("/gzip", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalFeedServer.respond(exchange, 200, "text/xml", gzipped.toByteArray());
        });

        var fetched = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url("/gzip")), null, null);

        assertThat(fetched.body()).isEqualTo(feed);
    }

    @Test
    void decompressesASitemapServedAsAGzipFileAndParsesIt() throws Exception {
        var sitemap = ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>https://news.example.com/a</loc></url></urlset>")
                .getBytes(StandardCharsets.UTF_8);
        server.handle(
                "/sitemap.xml.gz",
                exchange -> LocalFeedServer.respond(exchange, 200, "application/x-gzip", gzip(sitemap)));
        // A .xml.gz sent with Content-Encoding too: gzip twice over.
        server.handle("/encoded.xml.gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalFeedServer.respond(exchange, 200, "application/gzip", gzip(gzip(sitemap)));
        });

        for (var path : List.of("/sitemap.xml.gz", "/encoded.xml.gz")) {
            var fetched = (FeedFetcher.Fetched) fetcher.fetch(URI.create(server.url(path)), null, null);

            assertThat(fetched.body()).as(path).isEqualTo(sitemap);
            assertThat(SitemapParser.isSitemap(fetched.body())).isTrue();
            assertThat(new SitemapParser(10)
                            .parse(fetched.body(), fetched.documentUrl())
                            .entries())
                    .extracting(Sitemap.Entry::url)
                    .containsExactly(URI.create("https://news.example.com/a"));
        }
    }

    @Test
    void refusesAGzipFileThatExceedsTheCapOnlyOnceDecompressed() throws Exception {
        var bomb = gzip(new byte[(int) MAX_BYTES * 64]);
        assertThat(bomb.length).isLessThan((int) MAX_BYTES / 4);
        server.handle("/bomb.xml.gz", exchange -> LocalFeedServer.respond(exchange, 200, "application/gzip", bomb));

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/bomb.xml.gz")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_LARGE))
                .hasMessageContaining("exceeds " + MAX_BYTES + " bytes once decompressed");
    }

    @Test
    void aCorruptGzipFileIsAParseError() {
        var corrupt = new byte[] {0x1f, (byte) 0x8b, 8, 0, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};
        server.handle(
                "/corrupt.xml.gz", exchange -> LocalFeedServer.respond(exchange, 200, "application/gzip", corrupt));

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/corrupt.xml.gz")), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a readable gzip file");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void givesUpOnAResponseThatTakesLongerThanTheReadTimeout() {
        var release = new CountDownLatch(1);
        server.handle("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<rss>".getBytes());
            exchange.getResponseBody().flush();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var impatient = fetcher(List.of("127.0.0.1"), Duration.ofMillis(500));

        try {
            assertThatThrownBy(() -> impatient.fetch(URI.create(server.url("/slow")), null, null))
                    .isInstanceOfSatisfying(
                            FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TIMEOUT));
        } finally {
            release.countDown();
        }
    }

    @Test
    void reportsAnHttpErrorStatus() throws IOException {
        server.handle("/gone", exchange -> LocalFeedServer.respond(exchange, 410, null, new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/gone")), null, null))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.HTTP_ERROR))
                .hasMessageContaining("410");
    }
}
