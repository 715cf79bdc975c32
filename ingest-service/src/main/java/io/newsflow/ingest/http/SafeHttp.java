package io.newsflow.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * GET with the safety every outgoing request of ingest needs, feeds and pages alike: every URL and redirect passes
 * the {@link AddressPolicy}; redirects are followed by hand, at most {@code maxRedirects}, and a loop is cut at once;
 * a time limit on the whole response, so that a body that trickles for ever is cut off; a cap on the bytes read, on
 * the wire and again after decompression (a small gzip bomb stays small); the media type is checked before the body
 * is read.
 */
public final class SafeHttp {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** What a GET gave: a document, or a 304 to a conditional request. */
    public sealed interface Response {
        URI url();
    }

    public record NotModified(URI url) implements Response {}

    /** A 2xx response; {@code url} is the one it came from, after redirects. */
    public record Fetched(
            URI url, byte[] body, String contentType, String etag, String lastModified, String contentLocation)
            implements Response {}

    private final HttpClient client;
    private final AddressPolicy policy;
    private final Duration readTimeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final String userAgent;

    public SafeHttp(
            HttpClient client,
            AddressPolicy policy,
            Duration readTimeout,
            long maxBytes,
            int maxRedirects,
            String userAgent) {
        this.client = client;
        this.policy = policy;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
    }

    public static HttpClient httpClient(Duration connectTimeout) {
        // Redirects are followed by hand so that each hop passes the address policy; no proxy, since a proxy would
        // connect on our behalf to whatever address it resolves.
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @param headers request headers besides User-Agent and Accept-Encoding (Accept, validators); a null value is
     *     left out
     * @param acceptsContentType whether a response's Content-Type (or null, when it has none) is taken; a refused
     *     one fails with {@link FetchException.Reason#UNSUPPORTED_MEDIA_TYPE} before its body is read
     */
    public Response get(URI url, Map<String, String> headers, Predicate<String> acceptsContentType)
            throws FetchException {
        var current = url;
        var visited = new HashSet<URI>();
        for (int hop = 0; hop <= maxRedirects; hop++) {
            policy.check(current);
            if (!visited.add(current)) {
                throw new FetchException(
                        FetchException.Reason.TOO_MANY_REDIRECTS, "redirect loop from " + url + " back to " + current);
            }
            var request = HttpRequest.newBuilder(current)
                    .timeout(readTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept-Encoding", "gzip, deflate");
            headers.forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
            var response = send(request.GET().build());
            var status = response.statusCode();
            var responseHeaders = response.headers();
            if (REDIRECTS.contains(status)) {
                close(response.body());
                var location = responseHeaders
                        .firstValue("Location")
                        .orElseThrow(() -> new FetchException(
                                FetchException.Reason.HTTP_ERROR, "redirect " + status + " without a Location"));
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(
                            FetchException.Reason.HTTP_ERROR, "redirect to an invalid URL: " + location, e);
                }
                continue;
            }
            if (status == 304) {
                close(response.body());
                return new NotModified(current);
            }
            if (status < 200 || status > 299) {
                close(response.body());
                var retryAfter = status == 429 || status == 503
                        ? responseHeaders
                                .firstValue("Retry-After")
                                .flatMap(value -> retryAfter(value, Clock.systemUTC()))
                                .orElse(null)
                        : null;
                throw new FetchException(
                        FetchException.Reason.HTTP_ERROR,
                        "HTTP " + status + " from " + current,
                        null,
                        status,
                        retryAfter);
            }
            var contentType = responseHeaders.firstValue("Content-Type").orElse(null);
            if (!acceptsContentType.test(contentType)) {
                close(response.body());
                throw new FetchException(
                        FetchException.Reason.UNSUPPORTED_MEDIA_TYPE,
                        "the media type " + contentType + " of " + current + " is not taken");
            }
            var declared = responseHeaders.firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response.body());
                throw tooLarge(current);
            }
            var body = read(response.body(), responseHeaders, current);
            return new Fetched(
                    current,
                    body,
                    contentType,
                    responseHeaders.firstValue("ETag").orElse(null),
                    responseHeaders.firstValue("Last-Modified").orElse(null),
                    responseHeaders.firstValue("Content-Location").orElse(null));
        }
        throw new FetchException(
                FetchException.Reason.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects from " + url);
    }

    /** A {@code Retry-After} value: delay seconds, or an HTTP date (RFC 9110, 10.2.3); empty when unreadable. */
    public static Optional<Duration> retryAfter(String value, Clock clock) {
        var text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            var at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            var wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws FetchException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException(
                    FetchException.Reason.TIMEOUT, "no response from " + request.uri() + " within the limit", e);
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Reason.NETWORK_ERROR, "could not fetch " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.NETWORK_ERROR, "interrupted", e);
        }
    }

    private byte[] read(InputStream wire, HttpHeaders headers, URI url) throws FetchException {
        // The request timeout covers only the headers; closing the stream at the deadline ends a body that trickles.
        var deadline = System.nanoTime() + readTimeout.toNanos();
        CompletableFuture.delayedExecutor(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> close(wire));
        var counted = new CappedInputStream(wire, -1, maxBytes, TooLargeOnTheWire::new);
        try (var in = decoded(counted, headers.firstValue("Content-Encoding").orElse(""))) {
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
                throw new FetchException(FetchException.Reason.TIMEOUT, "the response of " + url + " took too long", e);
            }
            throw new FetchException(FetchException.Reason.NETWORK_ERROR, "could not read " + url + ": " + e, e);
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

    private FetchException tooLarge(URI url) {
        return new FetchException(
                FetchException.Reason.TOO_LARGE, "the response of " + url + " exceeds " + maxBytes + " bytes");
    }

    /** Whether a failure says the host does not exist, which trying again soon will not change. */
    public static boolean isUnknownHost(FetchException e) {
        return e.getCause() instanceof UnknownHostException;
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
