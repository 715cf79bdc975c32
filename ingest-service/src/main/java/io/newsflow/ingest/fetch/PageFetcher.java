package io.newsflow.ingest.fetch;

import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.SafeHttp;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;

/**
 * Fetches one web page politely and safely: robots.txt and the host's turn at {@link PoliteHosts}, a conditional GET with the validators of the last fetch, only HTML and XHTML taken, decoded with
 * the charset of the header, the document or the bytes. Every request goes through {@link SafeHttp}.
 */
final class PageFetcher {

    private static final String ACCEPT = "text/html, application/xhtml+xml, application/xml;q=0.5";

    sealed interface Result {}

    record Page(URI url, String html, String etag, String lastModified) implements Result {}

    record NotModified(URI url) implements Result {}

    private final SafeHttp http;
    private final PoliteHosts hosts;

    PageFetcher(SafeHttp http, PoliteHosts hosts) {
        this.http = http;
        this.hosts = hosts;
    }

    Result fetch(URI url, String etag, String lastModified) throws PageFetchException, InterruptedException {
        var host = url.getHost() == null ? "" : url.getHost();
        if (url.getScheme() == null || host.isEmpty()) {
            // nothing to ask robots.txt or a host for; no retry would change that
            throw new PageFetchException("invalid-url", "not an absolute web address: " + url, false, 0, null);
        }
        try {
            var headers = new HashMap<String, String>();
            headers.put("Accept", ACCEPT);
            headers.put("If-None-Match", etag);
            headers.put("If-Modified-Since", lastModified);
            var response = hosts.inTurn(url, () -> http.get(url, headers, PageFetcher::isHtml));
            return switch (response) {
                case SafeHttp.NotModified n -> new NotModified(n.url());
                case SafeHttp.Fetched f ->
                    new Page(f.url(), PageCharsets.decode(f.body(), f.contentType()), f.etag(), f.lastModified());
            };
        } catch (FetchException e) {
            throw classified(e);
        } catch (PoliteHosts.NotNowException e) {
            throw new PageFetchException(e.reason(), e.getMessage(), e.retryable(), 0, e.waitTime());
        }
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
