package io.newsflow.ingest.feeds;

import io.newsflow.ingest.CappedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches a feed safely: every URL and redirect passes the {@link AddressPolicy}; conditional GET with the ETag and
 * Last-Modified of the previous poll, so an unchanged feed costs a 304 and nothing else; a time limit on the whole
 * response; and a cap on the bytes read, on the wire and again after decompression (a small gzip bomb stays small).
 */
final class FeedFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
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

    private final HttpClient client;
    private final AddressPolicy policy;
    private final Duration readTimeout;
    private final long maxBytes;
    private final int maxRedirects;

    FeedFetcher(HttpClient client, AddressPolicy policy, Duration readTimeout, long maxBytes, int maxRedirects) {
        this.client = client;
        this.policy = policy;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
    }

    static HttpClient httpClient(Duration connectTimeout) {
        // Redirects are followed by hand so that each hop passes the address policy; no proxy, since a proxy would
        // connect on our behalf to whatever address it resolves.
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Result fetch(URI url, String etag, String lastModified) throws FeedFetchException {
        var current = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            policy.check(current);
            var request = HttpRequest.newBuilder(current)
                    .timeout(readTimeout)
                    .header("User-Agent", "Newsflow-Ingest/0.1 (+https://newsflow.io)")
                    .header("Accept", ACCEPT)
                    .header("Accept-Encoding", "gzip, deflate");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            var response = send(request.GET().build());
            var status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                close(response.body());
                var location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new FeedFetchException(
                                FeedFetchException.Reason.HTTP_ERROR, "redirect " + status + " without a Location"));
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FeedFetchException(
                            FeedFetchException.Reason.HTTP_ERROR, "redirect to an invalid URL: " + location, e);
                }
                continue;
            }
            if (status == 304) {
                close(response.body());
                return new NotModified();
            }
            if (status < 200 || status > 299) {
                close(response.body());
                throw new FeedFetchException(
                        FeedFetchException.Reason.HTTP_ERROR, "HTTP " + status + " from " + current);
            }
            var headers = response.headers();
            var declared = headers.firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response.body());
                throw tooLarge(current);
            }
            var body =
                    read(response.body(), headers.firstValue("Content-Encoding").orElse(""), current);
            return new Fetched(
                    current,
                    body,
                    headers.firstValue("Content-Type").orElse(null),
                    headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null),
                    headers.firstValue("Content-Location").orElse(null));
        }
        throw new FeedFetchException(
                FeedFetchException.Reason.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects from " + url);
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws FeedFetchException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FeedFetchException(
                    FeedFetchException.Reason.TIMEOUT, "no response from " + request.uri() + " within the limit", e);
        } catch (IOException e) {
            throw new FeedFetchException(
                    FeedFetchException.Reason.NETWORK_ERROR, "could not fetch " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException(FeedFetchException.Reason.NETWORK_ERROR, "interrupted", e);
        }
    }

    private byte[] read(InputStream wire, String contentEncoding, URI url) throws FeedFetchException {
        // The request timeout covers only the headers; closing the stream at the deadline ends a body that trickles.
        var deadline = System.nanoTime() + readTimeout.toNanos();
        CompletableFuture.delayedExecutor(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> close(wire));
        var counted = new CappedInputStream(wire, -1, maxBytes, TooLargeOnTheWire::new);
        try (var in = decoded(counted, contentEncoding)) {
            var out = new ByteArrayOutputStream();
            var buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge(url);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (TooLargeOnTheWire e) {
            throw tooLarge(url);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new FeedFetchException(
                        FeedFetchException.Reason.TIMEOUT, "the response of " + url + " took too long", e);
            }
            throw new FeedFetchException(
                    FeedFetchException.Reason.NETWORK_ERROR, "could not read " + url + ": " + e, e);
        } finally {
            close(wire);
        }
    }

    private static InputStream decoded(InputStream in, String contentEncoding) throws IOException {
        return switch (contentEncoding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in);
            case "deflate" -> new InflaterInputStream(in);
            default -> in;
        };
    }

    private FeedFetchException tooLarge(URI url) {
        return new FeedFetchException(
                FeedFetchException.Reason.TOO_LARGE, "the response of " + url + " exceeds " + maxBytes + " bytes");
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // Nothing to do: we are abandoning this response anyway.
        }
    }

    /** The bytes on the wire passed the cap, before decompression could multiply them. */
    private static final class TooLargeOnTheWire extends RuntimeException {
        TooLargeOnTheWire() {
            super(null, null, false, false);
        }
    }
}
