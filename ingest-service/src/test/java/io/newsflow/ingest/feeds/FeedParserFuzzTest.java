package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Feed documents cut, spliced and salted with hostile XML, through the parser that polling uses: each one parses or is
 * refused with a {@link FeedParseException}, in bounded time; nothing else escapes. Tries: {@code jqwik.tries.default}
 * (10,000 in {@code junit-platform.properties}; {@code -Djqwik.tries.default=1000000} for a long run).
 */
class FeedParserFuzzTest {

    private static final List<String> SEEDS = seeds();
    private static final List<String> HOSTILE = List.of(
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
            "<!DOCTYPE rss SYSTEM \"http://127.0.0.1/evil.dtd\">",
            "<![CDATA[",
            "]]>",
            "&#0;",
            "&#xFFFF;",
            "&undefined;",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            "<item>",
            "</channel>",
            "<entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<link href=\"javascript:alert(1)\"/>",
            "<pubDate>Mon, 99 Foo 20251 99:99:99 +9999</pubDate>",
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":",
            "\u0000",
            "\uFEFF",
            "\uD800");

    private final FeedParser parser = new FeedParser();
    private final AtomicLong parsed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Property
    void everyDocumentParsesOrIsRefusedInBoundedTime(@ForAll("documents") byte[] document) {
        var started = System.nanoTime();
        try {
            var feed = parser.parse(document, "application/xml", URI.create("https://news.example.com/feed"), 200);
            assertThat(feed.items()).hasSizeLessThanOrEqualTo(200);
            parsed.incrementAndGet();
        } catch (FeedParseException e) {
            refused.incrementAndGet();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @AfterProperty
    void report() {
        System.out.printf(
                "fuzz target=feed-xml inputs=%d parsed=%d refused=%d unexpected=0%n",
                parsed.get() + refused.get(), parsed.get(), refused.get());
    }

    @Provide
    Arbitrary<byte[]> documents() {
        var seed = Arbitraries.of(SEEDS);
        var cut = Combinators.combine(
                        seed,
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1))
                .as((text, a, b) -> {
                    var from = (int) (Math.min(a, b) * text.length());
                    var to = (int) (Math.max(a, b) * text.length());
                    return text.substring(0, from) + text.substring(to);
                });
        var salted = Combinators.combine(
                        seed, Arbitraries.of(HOSTILE), Arbitraries.doubles().between(0, 1))
                .as((text, salt, at) -> {
                    var index = (int) (at * text.length());
                    return text.substring(0, index) + salt + text.substring(index);
                });
        var noise = Arbitraries.strings().ofMaxLength(2_000);
        return Arbitraries.oneOf(
                        cut,
                        salted,
                        noise,
                        Arbitraries.of(HOSTILE).list().ofMaxSize(20).map(parts -> String.join("", parts)))
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> seeds() {
        try (var files = Files.list(Path.of("src/test/resources/feeds/rome/rome"))) {
            return files.filter(file -> file.toString().endsWith(".xml"))
                    .sorted()
                    .map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
