package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.HttpFuzz;
import io.newsflow.testing.NewsflowTestInfrastructure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Generated article payloads (jqwik arbitraries: valid articles, cut and spliced ones, wrong types, deep nesting, odd
 * Unicode) pushed over real HTTP to the started service, the same context as {@link ArticleIngestIntegrationTest}:
 * no 5xx, no answer slower than the bound, no heap growth beyond a bound. {@code -Dnewsflow.fuzz.inputs=N} for a long
 * run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=" + ArticleIngestIntegrationTest.RAW,
            "newsflow.topics.ingest-state=" + ArticleIngestIntegrationTest.STATE
        })
@Import(NewsflowTestInfrastructure.class)
class IngestPayloadFuzzTest {

    private static final Duration SLOWEST = Duration.ofSeconds(30);
    private static final long HEAP_GROWTH = 256L << 20;

    @LocalServerPort
    int port;

    @Test
    void generatedJsonArticlesNeverAnswer5xx() {
        var report = new HttpFuzz(port)
                .run(
                        "ingest-json",
                        HttpFuzz.sample(json()).map(body -> post("/api/v1/articles", "application/json", body)),
                        4);

        assertThat(report.inputs()).isEqualTo(HttpFuzz.inputs());
        assertThat(report.fiveHundreds()).as(report.toString()).isZero();
        assertThat(report.slowest()).isLessThan(SLOWEST);
        assertThat(report.heapGrowthBytes()).isLessThan(HEAP_GROWTH);
    }

    @Test
    void generatedNdjsonBatchesNeverAnswer5xx() {
        var batches = json().list().ofMinSize(1).ofMaxSize(8).map(lines -> String.join("\n", lines));
        var report = new HttpFuzz(port)
                .run(
                        "ingest-ndjson",
                        HttpFuzz.sample(batches)
                                .map(body -> post("/api/v1/articles/batch", "application/x-ndjson", body)),
                        4);

        assertThat(report.inputs()).isEqualTo(HttpFuzz.inputs());
        assertThat(report.fiveHundreds()).as(report.toString()).isZero();
        assertThat(report.slowest()).isLessThan(SLOWEST);
        assertThat(report.heapGrowthBytes()).isLessThan(HEAP_GROWTH);
    }

    private static Function<URI, HttpRequest> post(String path, String type, String body) {
        return base -> HttpRequest.newBuilder(base.resolve(path))
                .timeout(SLOWEST)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Mostly article-shaped JSON, some of it valid, the rest wrong in one or many ways. */
    static Arbitrary<String> json() {
        var text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.of(
                        "", " ", "\u0000", "\uFEFF", "<script>alert(1)</script>", "\uD83D\uDCF0", "a".repeat(5000)));
        var value = Arbitraries.oneOf(
                text.map(HttpFuzzJson::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "1e999", "-0", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]"));
        var url = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "https://news.example.com/" + s),
                Arbitraries.of(
                        "javascript:alert(1)", "http://[::1", "https://x.example/?utm_source=a&b=1#f", "ftp://x"),
                text);
        var field = Arbitraries.of(
                "title", "body", "url", "source", "publishedAt", "authors", "tags", "language", "guid", "unknown");
        var article = Combinators.combine(
                        text, text, url, Arbitraries.strings().numeric().ofMaxLength(12))
                .as((title, body, link, date) -> "{\"title\":" + HttpFuzzJson.quote(title) + ",\"body\":"
                        + HttpFuzzJson.quote(body) + ",\"url\":" + HttpFuzzJson.quote(link)
                        + ",\"publishedAt\":\"2025-03-0" + (date.isEmpty() ? "1" : date) + "T08:00:00Z\""
                        + ",\"source\":{\"name\":\"Fuzz\"},\"tags\":[\"fuzz\"],\"language\":\"en\"}");
        var object = Combinators.combine(field, value)
                .as((name, v) -> "\"" + name + "\":" + v)
                .list()
                .ofMaxSize(10)
                .map(pairs -> "{" + String.join(",", pairs) + "}");
        var cut = Combinators.combine(article, Arbitraries.doubles().between(0, 1))
                .as((whole, at) -> whole.substring(0, (int) (at * whole.length())));
        return Arbitraries.oneOf(article, object, cut, value, text);
    }

    /** JSON string literals, escaping what must be escaped (and leaving lone surrogates as they come). */
    static final class HttpFuzzJson {
        static String quote(String s) {
            var out = new StringBuilder("\"");
            for (var c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append("\\u%04x".formatted((int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private HttpFuzzJson() {}
    }
}
