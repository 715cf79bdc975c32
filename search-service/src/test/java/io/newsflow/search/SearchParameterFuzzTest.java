package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.HttpFuzz;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated parameters of the search endpoints (jqwik arbitraries: query syntax fragments, filters, dates, sizes,
 * pages, cursors, unknown names), sent over real HTTP to the started service and its real Elasticsearch: no 5xx, no
 * answer slower than the bound, no heap growth beyond a bound. {@code -Dnewsflow.fuzz.inputs=N} for a long run.
 */
@SearchServiceTest
class SearchParameterFuzzTest {

    private static final Duration SLOWEST = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void generatedSearchParametersNeverAnswer5xx() {
        var report = new HttpFuzz(port).run("search-parameters", HttpFuzz.sample(requests()), 4);

        assertThat(report.inputs()).isEqualTo(HttpFuzz.inputs());
        assertThat(report.fiveHundreds()).as(report.toString()).isZero();
        assertThat(report.slowest()).isLessThan(SLOWEST);
        assertThat(report.heapGrowthBytes()).isLessThan(256L << 20);
    }

    static Arbitrary<Function<URI, HttpRequest>> requests() {
        var path = Arbitraries.of(
                "/api/v1/search",
                "/api/v1/search",
                "/api/v1/search",
                "/api/v1/suggest",
                "/api/v1/trending",
                "/api/v1/stories",
                "/api/v1/articles/0123456789abcdef0123456789abcdef/similar");
        var query = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(100),
                Arbitraries.of(
                                "\"", "(", ")", "|", "+", "-", "*", "~", "OR", "AND", "NOT", "\\", "/", "[", "]", "{",
                                "}", ":", "^", "ukraine", "\u0000", "\uD800", "\uFEFF", "%", "&", "=")
                        .list()
                        .ofMaxSize(30)
                        .map(parts -> String.join(" ", parts)),
                Arbitraries.of("a".repeat(10_000), "(".repeat(500), "\"".repeat(301)));
        var number = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 1_200).map(String::valueOf),
                Arbitraries.of("", "0x10", "1e3", "99999999999999999999", "NaN", "-0", " 1"));
        var date = Arbitraries.oneOf(
                Arbitraries.of(
                        "2025-03-01",
                        "2025-02-30",
                        "2025-03-01T08:00:00Z",
                        "9999-12-31",
                        "0000-01-01",
                        "2025-13-01",
                        "yesterday",
                        "",
                        "2025-03-01T25:00:00Z",
                        "+999999999-12-31"),
                Arbitraries.strings().ofMaxLength(30));
        var name = Arbitraries.of(
                "q",
                "q",
                "tag",
                "person",
                "organization",
                "place",
                "category",
                "source",
                "language",
                "from",
                "to",
                "sort",
                "size",
                "page",
                "cursor",
                "interval",
                "prefix",
                "window",
                "minSources",
                "unknown",
                "q[]");
        var parameter = Combinators.combine(name, query, number, date).as((n, q, num, d) -> switch (n) {
            case "size", "page", "minSources" -> n + "=" + encode(num);
            case "from", "to" -> n + "=" + encode(d);
            case "window", "interval" -> n + "=" + encode(q.length() > 4 ? q.substring(0, 4) : q + "h");
            case "sort" -> n + "=" + encode(q.isEmpty() ? "newest" : q);
            default -> encode(n) + "=" + encode(q);
        });
        return Combinators.combine(path, parameter.list().ofMaxSize(8))
                .as((p, parameters) ->
                        base -> HttpRequest.newBuilder(base.resolve(p + "?" + String.join("&", parameters)))
                                .timeout(SLOWEST)
                                .GET()
                                .build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
