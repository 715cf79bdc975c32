package io.newsflow.ingest.feeds;

import io.newsflow.ingest.fetch.PoliteHosts;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.GzipFiles;
import io.newsflow.ingest.http.SafeHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;

/**
 * Fetches a feed or a sitemap through {@link SafeHttp} (SSRF policy on every hop, caps, time limit), in its host's
 * turn at {@link PoliteHosts} (robots.txt, one request at a time and the delay per host, shared with the page
 * fetches of this instance), with conditional GET: the
 * ETag and Last-Modified of the previous poll, so that an unchanged feed costs a 304 and nothing else. A document
 * that is a gzip file (a {@code sitemap.xml.gz}) is decompressed, under the same cap.
 */
final class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
            + " application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    sealed interface Result {}

    record NotModified() implements Result {}

    record Fetched(URI url, byte[] body, String contentType, String etag, String lastModified, String contentLocation)
            implements Result {

        /** The URL the document's relative links are resolved against. */
        URI documentUrl() {
            return documentUrl(url, contentLocation);
        }

        /** A response's Content-Location, when it has one, names the document it carries (RFC 9110, 8.7). */
        static URI documentUrl(URI url, String contentLocation) {
            if (contentLocation == null || contentLocation.isBlank()) {
                return url;
            }
            try {
                return url.resolve(new URI(contentLocation.strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return url;
            }
        }
    }

    private final SafeHttp http;
    private final PoliteHosts hosts;

    FeedFetcher(SafeHttp http, PoliteHosts hosts) {
        this.http = http;
        this.hosts = hosts;
    }

    /**
     * @throws FeedParseException when the document is a gzip file that cannot be decompressed
     * @throws PoliteHosts.NotNowException when robots.txt disallows the URL, or its host's turn would come too late
     */
    Result fetch(URI url, String etag, String lastModified)
            throws FetchException, FeedParseException, PoliteHosts.NotNowException, InterruptedException {
        var headers = new HashMap<String, String>();
        headers.put("Accept", ACCEPT);
        headers.put("If-None-Match", etag);
        headers.put("If-Modified-Since", lastModified);
        if (!(hosts.inTurn(url, () -> http.get(url, headers, contentType -> true)) instanceof SafeHttp.Fetched f)) {
            return new NotModified();
        }
        if (GzipFiles.isGzip(f.body())) {
            // The media type is the file's (application/gzip), no hint to the charset of what it holds.
            return new Fetched(f.url(), gunzip(f), null, f.etag(), f.lastModified(), f.contentLocation());
        }
        return new Fetched(f.url(), f.body(), f.contentType(), f.etag(), f.lastModified(), f.contentLocation());
    }

    private byte[] gunzip(SafeHttp.Fetched fetched) throws FetchException, FeedParseException {
        try {
            return GzipFiles.gunzip(fetched.body(), http.maxBytes(), fetched.url());
        } catch (IOException e) {
            throw new FeedParseException("not a readable gzip file: " + fetched.url(), e);
        }
    }
}
