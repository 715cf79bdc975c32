package io.newsflow.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.SafeHttp;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches one web page politely and safely: robots.txt first (cached per host), the host's turn at the
 * {@link HostGate}, a conditional GET with the validators of the last fetch, only HTML and XHTML taken, decoded with
 * the charset of the header, the document or the bytes. Every request goes through {@link SafeHttp}.
 */
final class PageFetcher {

    private static final String ACCEPT = "text/html, application/xhtml+xml, application/xml;q=0.5";

    sealed interface Result {}

    record Page(URI url, String html, String etag, String lastModified) implements Result {}

    record NotModified(URI url) implements Result {}

    private record CachedRules(RobotsRules rules, long expires) {}

    private final SafeHttp http;
    private final HostGate gate;
    private final Duration hostDelay;
    private final Duration maxHostWait;
    private final Duration robotsTtl;
    private final String robotsToken;
    private final MeterRegistry meters;
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();

    PageFetcher(
            SafeHttp http,
            HostGate gate,
            Duration hostDelay,
            Duration maxHostWait,
            Duration robotsTtl,
            String robotsToken,
            MeterRegistry meters) {
        this.http = http;
        this.gate = gate;
        this.hostDelay = hostDelay;
        this.maxHostWait = maxHostWait;
        this.robotsTtl = robotsTtl;
        this.robotsToken = robotsToken;
        this.meters = meters;
    }

    Result fetch(URI url, String etag, String lastModified) throws PageFetchException, InterruptedException {
        var host = url.getHost() == null ? "" : url.getHost();
        if (url.getScheme() == null || host.isEmpty()) {
            // nothing to ask robots.txt or a host for; no retry would change that
            throw new PageFetchException("invalid-url", "not an absolute web address: " + url, false, 0, null);
        }
        try {
            var rules = robots(url, host);
            var path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (!rules.allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())) {
                throw new PageFetchException(
                        "robots-disallowed", "robots.txt of " + host + " disallows " + url, false, 0, null);
            }
            var pause = pause(rules);
            var headers = new HashMap<String, String>();
            headers.put("Accept", ACCEPT);
            headers.put("If-None-Match", etag);
            headers.put("If-Modified-Since", lastModified);
            var response = gate.inTurn(host, pause, () -> http.get(url, headers, PageFetcher::isHtml));
            return switch (response) {
                case SafeHttp.NotModified n -> new NotModified(n.url());
                case SafeHttp.Fetched f ->
                    new Page(f.url(), PageCharsets.decode(f.body(), f.contentType()), f.etag(), f.lastModified());
            };
        } catch (FetchException e) {
            e.retryAfter().ifPresent(wait -> gate.closeFor(host, wait));
            throw classified(e);
        } catch (HostGate.HostBusyException e) {
            throw new PageFetchException("host-busy", e.getMessage(), true, 0, e.waitTime());
        }
    }

    private Duration pause(RobotsRules rules) {
        var delay = rules.crawlDelay()
                .filter(crawl -> crawl.compareTo(hostDelay) > 0)
                .orElse(hostDelay);
        return delay.compareTo(maxHostWait) > 0 ? maxHostWait : delay;
    }

    private RobotsRules robots(URI url, String host)
            throws FetchException, HostGate.HostBusyException, InterruptedException {
        var origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT)
                + (url.getPort() < 0 ? "" : ":" + url.getPort());
        var cached = robots.get(origin);
        if (cached != null && cached.expires - System.nanoTime() > 0) {
            meters.counter("newsflow.ingest.fetch.robots", "result", "cached").increment();
            return cached.rules;
        }
        RobotsRules rules;
        String result;
        try {
            var response = gate.inTurn(
                    host, hostDelay, () -> http.get(URI.create(origin + "/robots.txt"), Map.of(), type -> true));
            rules = response instanceof SafeHttp.Fetched f
                    ? RobotsRules.parse(PageCharsets.decode(f.body(), f.contentType()), robotsToken)
                    : RobotsRules.ALLOW_ALL;
            result = "fetched";
        } catch (FetchException e) {
            // RFC 9309 2.3.1: a robots.txt that is not there (4xx) allows everything; one that cannot be had (5xx,
            // network) disallows everything for now. A host that does not exist has no page to fetch either.
            if (e.reason() == FetchException.Reason.HTTP_ERROR && e.status() >= 400 && e.status() < 500) {
                rules = RobotsRules.ALLOW_ALL;
                result = "absent";
            } else {
                meters.counter("newsflow.ingest.fetch.robots", "result", "unavailable")
                        .increment();
                throw e;
            }
        }
        meters.counter("newsflow.ingest.fetch.robots", "result", result).increment();
        robots.put(origin, new CachedRules(rules, System.nanoTime() + robotsTtl.toNanos()));
        return rules;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private static PageFetchException classified(FetchException e) {
        var retryable =
                switch (e.reason()) {
                    case TIMEOUT -> true;
                    case NETWORK_ERROR -> !SafeHttp.isUnknownHost(e);
                    case HTTP_ERROR -> e.status() == 408 || e.status() == 425 || e.status() == 429 || e.status() >= 500;
                    case REFUSED, TOO_LARGE, TOO_MANY_REDIRECTS, UNSUPPORTED_MEDIA_TYPE -> false;
                };
        var reason = e.reason() == FetchException.Reason.HTTP_ERROR && e.status() > 0
                ? "http-" + e.status()
                : e.reason().tag();
        return new PageFetchException(
                reason, e.getMessage(), retryable, e.status(), e.retryAfter().orElse(null));
    }
}
