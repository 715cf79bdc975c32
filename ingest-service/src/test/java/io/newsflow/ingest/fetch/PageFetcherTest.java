package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.feeds.LocalFeedServer;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.SafeHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule of polite and safe page fetching, against a local HTTP server. */
class PageFetcherTest {

    private static final long MAX_BYTES = 64 * 1024;
    private static final String USER_AGENT = "Newsflow/0.1 (+https://newsflow.example/bot)";
    private static final Duration DELAY = Duration.ofMillis(400);

    private final LocalFeedServer server = new LocalFeedServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PageFetcher fetcher(List<String> allowedHosts, Duration readTimeout) {
        return fetcher(allowedHosts, readTimeout, 1);
    }

    private PageFetcher fetcher(List<String> allowedHosts, Duration readTimeout, int instances) {
        var http = new SafeHttp(
                SafeHttp.httpClient(Duration.ofSeconds(5)),
                new AddressPolicy(allowedHosts),
                readTimeout,
                MAX_BYTES,
                3,
                USER_AGENT);
        return new PageFetcher(
                http,
                new PoliteHosts(
                        http, DELAY, instances, Duration.ofSeconds(5), Duration.ofHours(1), "newsflow", meters));
    }

    private PageFetcher fetcher() {
        return fetcher(List.of("127.0.0.1"), Duration.ofSeconds(5));
    }

    private static void html(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        LocalFeedServer.respond(exchange, 200, contentType, body);
    }

    private static byte[] page(String text) {
        return ("<html><head><title>T</title></head><body><article><p>" + text + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFails(ThrowingCallable call, String reason, boolean retryable) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PageFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.retryable()).isEqualTo(retryable);
        });
    }

    @Test
    void honoursRobotsTxtForItsOwnTokenAndCachesItPerHost() throws Exception {
        var robots = "User-agent: *\nDisallow: /\n\nUser-agent: Newsflow\nDisallow: /members\nAllow: /members/free$\n";
        server.handle("/robots.txt", e -> html(e, "text/plain", robots.getBytes(StandardCharsets.UTF_8)));
        server.handle("/", e -> html(e, "text/html", page("open")));
        var fetcher = fetcher();

        var open = fetcher.fetch(URI.create(server.url("/news/1")), null, null);
        var free = fetcher.fetch(URI.create(server.url("/members/free")), null, null);
        assertFails(
                () -> fetcher.fetch(URI.create(server.url("/members/paid")), null, null), "robots-disallowed", false);

        assertThat(open).isInstanceOf(PageFetcher.Page.class);
        assertThat(free).isInstanceOf(PageFetcher.Page.class);
        assertThat(server.requests("/robots.txt")).hasSize(1);
        assertThat(server.requests("/members/paid")).isEmpty();
    }

    @Test
    void waitsTheHostDelayBetweenTwoRequestsAndNamesItselfAndItsContact() throws Exception {
        server.handle("/robots.txt", e -> LocalFeedServer.respond(e, 404, null, new byte[0]));
        server.handle("/a", e -> html(e, "text/html; charset=utf-8", page("a")));
        server.handle("/b", e -> html(e, "text/html; charset=utf-8", page("b")));
        var fetcher = fetcher();

        fetcher.fetch(URI.create(server.url("/a")), null, null);
        fetcher.fetch(URI.create(server.url("/b")), null, null);

        var a = server.requests("/a").getFirst();
        var b = server.requests("/b").getFirst();
        assertThat(Duration.ofNanos(b.nanoTime() - a.nanoTime())).isGreaterThanOrEqualTo(DELAY);
        assertThat(a.header("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(server.requests("/robots.txt").getFirst().header("User-Agent"))
                .isEqualTo(USER_AGENT);
    }

    /** Each of N fetching instances has a gate of its own: each waits N times the delay, together they keep to it. */
    @Test
    void withTwoFetchingInstancesEachWaitsTwiceTheHostDelay() throws Exception {
        server.handle("/robots.txt", e -> LocalFeedServer.respond(e, 404, null, new byte[0]));
        server.handle("/a", e -> html(e, "text/html; charset=utf-8", page("a")));
        server.handle("/b", e -> html(e, "text/html; charset=utf-8", page("b")));
        var fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(5), 2);

        fetcher.fetch(URI.create(server.url("/a")), null, null);
        fetcher.fetch(URI.create(server.url("/b")), null, null);

        var a = server.requests("/a").getFirst();
        var b = server.requests("/b").getFirst();
        assertThat(Duration.ofNanos(b.nanoTime() - a.nanoTime())).isGreaterThanOrEqualTo(DELAY.multipliedBy(2));
    }

    @Test
    void sendsTheValidatorsOfTheLastFetchAndTakesA304AsNotModified() throws Exception {
        server.handle("/page", e -> {
            if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalFeedServer.respond(e, 304, null, new byte[0]);
                return;
            }
            e.getResponseHeaders().set("ETag", "\"v1\"");
            e.getResponseHeaders().set("Last-Modified", "Mon, 01 Sep 2025 08:00:00 GMT");
            html(e, "text/html", page("v1"));
        });
        var fetcher = fetcher();

        var first = (PageFetcher.Page) fetcher.fetch(URI.create(server.url("/page")), null, null);
        var second = fetcher.fetch(URI.create(server.url("/page")), first.etag(), first.lastModified());

        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(second).isInstanceOf(PageFetcher.NotModified.class);
        var conditional = server.requests("/page").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Mon, 01 Sep 2025 08:00:00 GMT");
    }

    @Test
    void honoursRetryAfterOnA503BeforeAskingTheHostAgain() throws Exception {
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        server.handle("/busy", e -> {
            if (calls.getAndIncrement() == 0) {
                e.getResponseHeaders().set("Retry-After", "2");
                LocalFeedServer.respond(e, 503, null, new byte[0]);
                return;
            }
            html(e, "text/html", page("now"));
        });
        var fetcher = fetcher();

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/busy")), null, null))
                .isInstanceOfSatisfying(PageFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http-503");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        var retried = fetcher.fetch(URI.create(server.url("/busy")), null, null);

        assertThat(retried).isInstanceOf(PageFetcher.Page.class);
        var requests = server.requests("/busy");
        assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tellsTheCallerToComeBackLaterWhenRetryAfterIsLongerThanItMayWait() throws Exception {
        server.handle("/later", e -> {
            e.getResponseHeaders().set("Retry-After", "3600");
            LocalFeedServer.respond(e, 429, null, new byte[0]);
        });
        var fetcher = fetcher();

        assertFails(() -> fetcher.fetch(URI.create(server.url("/later")), null, null), "http-429", true);
        assertFails(() -> fetcher.fetch(URI.create(server.url("/later")), null, null), "host-busy", true);

        assertThat(server.requests("/later")).hasSize(1);
    }

    @Test
    void refusesAnAddressWithoutSchemeOrHostAtOnce() {
        // a pushed url of any text is kept as the article's, but only a web address can be fetched (found by fuzzing)
        var fetcher = fetcher();

        assertFails(() -> fetcher.fetch(URI.create("news/today"), null, null), "invalid-url", false);
        assertFails(() -> fetcher.fetch(URI.create("mailto:desk@news.example"), null, null), "invalid-url", false);
    }

    @Test
    void refusesARedirectToAPrivateAddress() {
        server.handle("/moved", e -> {
            e.getResponseHeaders().set("Location", "http://127.0.0.1:" + server.port() + "/internal");
            LocalFeedServer.respond(e, 302, null, new byte[0]);
        });
        server.handle("/internal", e -> html(e, "text/html", page("secret")));
        var fetcher = fetcher(List.of("localhost"), Duration.ofSeconds(5));

        assertFails(
                () -> fetcher.fetch(URI.create("http://localhost:" + server.port() + "/moved"), null, null),
                "refused",
                false);

        assertThat(server.requests("/internal")).isEmpty();
    }

    @Test
    void cutsARedirectLoop() {
        server.handle("/ping", e -> {
            e.getResponseHeaders().set("Location", "/pong");
            LocalFeedServer.respond(e, 301, null, new byte[0]);
        });
        server.handle("/pong", e -> {
            e.getResponseHeaders().set("Location", "/ping");
            LocalFeedServer.respond(e, 301, null, new byte[0]);
        });

        assertFails(() -> fetcher().fetch(URI.create(server.url("/ping")), null, null), "too-many-redirects", false);
        assertThat(server.requests("/ping")).hasSize(1);
    }

    @Test
    void cutsOffAnOversizedPageAlsoWhenItIsSmallOnTheWire() throws Exception {
        var big = new byte[(int) MAX_BYTES * 2];
        java.util.Arrays.fill(big, (byte) 'a');
        var gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(big);
        }
        server.handle("/big", e -> html(e, "text/html", big));
        server.handle("/bomb", e -> {
            e.getResponseHeaders().set("Content-Encoding", "gzip");
            html(e, "text/html", gzipped.toByteArray());
        });
        var fetcher = fetcher();

        assertThat(gzipped.size()).isLessThan((int) MAX_BYTES);
        assertFails(() -> fetcher.fetch(URI.create(server.url("/big")), null, null), "too-large", false);
        assertFails(() -> fetcher.fetch(URI.create(server.url("/bomb")), null, null), "too-large", false);
    }

    @Test
    void cutsOffAResponseThatTricklesForEver() {
        var release = new CountDownLatch(1);
        server.handle("/slow", e -> {
            e.getResponseHeaders().set("Content-Type", "text/html");
            e.sendResponseHeaders(200, 0);
            try {
                while (!release.await(50, TimeUnit.MILLISECONDS)) {
                    e.getResponseBody().write(' ');
                    e.getResponseBody().flush();
                }
            } catch (InterruptedException | IOException ignored) {
                // the client hung up
            }
        });
        var fetcher = fetcher(List.of("127.0.0.1"), Duration.ofMillis(800));

        try {
            var started = System.nanoTime();
            assertFails(() -> fetcher.fetch(URI.create(server.url("/slow")), null, null), "timeout", true);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    void takesOnlyHtmlAndXhtml() throws Exception {
        server.handle("/doc.pdf", e -> html(e, "application/pdf", new byte[] {'%', 'P', 'D', 'F'}));
        server.handle("/page.xhtml", e -> html(e, "application/xhtml+xml", page("x")));
        var fetcher = fetcher();

        assertFails(
                () -> fetcher.fetch(URI.create(server.url("/doc.pdf")), null, null), "unsupported-media-type", false);
        assertThat(fetcher.fetch(URI.create(server.url("/page.xhtml")), null, null))
                .isInstanceOf(PageFetcher.Page.class);
    }

    @Test
    void decodesWithTheCharsetOfTheHeaderTheDocumentOrTheBytes() throws Exception {
        var text = "Ærø über café naïve";
        server.handle("/header", e -> html(e, "text/html; charset=ISO-8859-1", page(text, "ISO-8859-1", "")));
        server.handle(
                "/meta", e -> html(e, "text/html", page(text, "windows-1252", "<meta charset=\"windows-1252\">")));
        server.handle(
                "/cyrillic",
                e -> html(
                        e,
                        "text/html",
                        page(
                                "Привет мир",
                                "KOI8-R",
                                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">")));
        server.handle("/utf8", e -> html(e, "text/html", page(text, "UTF-8", "")));
        server.handle("/latin", e -> html(e, "text/html", page(text, "windows-1252", "")));
        var fetcher = fetcher();

        for (var path : List.of("/header", "/meta", "/utf8", "/latin")) {
            var fetched = (PageFetcher.Page) fetcher.fetch(URI.create(server.url(path)), null, null);
            assertThat(fetched.html()).as(path).contains(text);
        }
        var cyrillic = (PageFetcher.Page) fetcher.fetch(URI.create(server.url("/cyrillic")), null, null);
        assertThat(cyrillic.html()).contains("Привет мир");
    }

    private static byte[] page(String text, String charset, String meta) {
        return ("<html><head>" + meta + "<title>T</title></head><body><p>" + text + "</p></body></html>")
                .getBytes(Charset.forName(charset));
    }
}
