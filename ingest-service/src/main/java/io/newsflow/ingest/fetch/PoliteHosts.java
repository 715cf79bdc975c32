package io.newsflow.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.SafeHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The politeness every request of this instance to a web host goes through, pages, feeds and sitemaps alike:
 * robots.txt first (cached per origin), then the host's turn at the {@link HostGate} (one request at a time, the
 * configured delay or a longer Crawl-delay between two, a Retry-After honoured). One instance of it per ingest
 * instance, so that a sitemap poll and the fetches of the pages it lists queue at the same gate.
 */
public final class PoliteHosts {

    /** A request that may not be made now: robots.txt disallows it, or the host's turn would come too late. */
    public static final class NotNowException extends Exception {
        private final String reason;
        private final Duration wait;

        NotNowException(String reason, String message, Duration wait) {
            super(message);
            this.reason = reason;
            this.wait = wait;
        }

        /** {@code robots-disallowed} or {@code host-busy}, as statuses and metrics report it. */
        public String reason() {
            return reason;
        }

        /** Whether trying again later may succeed (a busy host), unlike a robots.txt rule. */
        public boolean retryable() {
            return wait != null;
        }

        /** How long the host is closed, for a busy host; null otherwise. */
        Duration waitTime() {
            return wait;
        }
    }

    @FunctionalInterface
    public interface Request<T> {
        T send() throws FetchException, InterruptedException;
    }

    private record CachedRules(RobotsRules rules, long expires) {}

    private final SafeHttp http;
    private final HostGate gate;
    private final Duration hostDelay;
    private final int instances;
    private final Duration maxHostWait;
    private final Duration robotsTtl;
    private final String robotsToken;
    private final MeterRegistry meters;
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();

    /**
     * @param http what robots.txt is fetched with
     * @param hostDelay this instance's share of the delay: {@code host-delay} times the fetching instances, as a
     *     longer Crawl-delay is too
     */
    public PoliteHosts(
            SafeHttp http,
            Duration hostDelay,
            int instances,
            Duration maxHostWait,
            Duration robotsTtl,
            String robotsToken,
            MeterRegistry meters) {
        this.http = http;
        this.gate = new HostGate(maxHostWait);
        this.hostDelay = hostDelay.multipliedBy(instances);
        this.instances = instances;
        this.maxHostWait = maxHostWait;
        this.robotsTtl = robotsTtl;
        this.robotsToken = robotsToken;
        this.meters = meters;
    }

    /**
     * Sends the request in the turn of its URL's host, if robots.txt allows the URL; a Retry-After the response
     * asked for closes the host for that long.
     *
     * @throws FetchException from the request, or from robots.txt when it cannot be had (5xx, network: RFC 9309
     *     2.3.1.3 takes that as a disallow for now)
     */
    public <T> T inTurn(URI url, Request<T> request) throws FetchException, NotNowException, InterruptedException {
        var host = url.getHost() == null ? "" : url.getHost();
        try {
            var rules = robots(url, host);
            var path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (!rules.allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())) {
                throw new NotNowException("robots-disallowed", "robots.txt of " + host + " disallows " + url, null);
            }
            return gate.inTurn(host, pause(rules), request::send);
        } catch (FetchException e) {
            e.retryAfter().ifPresent(wait -> gate.closeFor(host, wait));
            throw e;
        } catch (HostGate.HostBusyException e) {
            throw new NotNowException("host-busy", e.getMessage(), e.waitTime());
        }
    }

    private Duration pause(RobotsRules rules) {
        var delay = rules.crawlDelay()
                .map(crawl -> crawl.multipliedBy(instances))
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
}
