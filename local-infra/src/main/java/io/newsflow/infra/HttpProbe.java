package io.newsflow.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** A GET that answers whether a local HTTP endpoint is up: a refused connection or a timeout only means "not yet". */
public final class HttpProbe {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpProbe() {}

    /** True when {@code GET uri} answers 200. */
    public static boolean ok(URI uri) {
        return ok(uri, body -> true);
    }

    /** True when {@code GET uri} answers 200 with a body the predicate accepts. */
    public static boolean ok(URI uri, Predicate<String> body) {
        return ok(uri, Map.of(), body);
    }

    /** True when {@code GET uri} with these headers (credentials, say) answers 200 with a body the predicate accepts. */
    public static boolean ok(URI uri, Map<String, String> headers, Predicate<String> body) {
        try {
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
