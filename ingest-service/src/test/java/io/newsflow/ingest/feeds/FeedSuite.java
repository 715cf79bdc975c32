package io.newsflow.ingest.feeds;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one fixture of the feedparser or ROME suite through {@link FeedParser} and judges the result.
 *
 * <p>feedparser's fixtures carry their expectation as a Python expression ({@code Expect: not bozo and
 * entries[0]['title'] == u'...'}). We interpret the clauses about what becomes an article (entry title, link, id,
 * published/updated/created dates, tag terms, entry count) and leave the rest (channel-level fields, sanitised HTML,
 * {@code bozo}, encodings) uninterpreted: a fixture with no interpretable clause only has to be parsed or refused
 * with a clear error. ROME's fixtures are self-describing ({@code <title>rss_2.0.channel.item[1].title</title>}), so
 * an item's title or link naming an index must sit at that index.
 */
final class FeedSuite {

    static final Path ROOT = Path.of("src/test/resources/feeds");
    private static final FeedParser PARSER = new FeedParser();
    private static final URI HTTP_BASE = URI.create("http://127.0.0.1:8097/");

    enum Verdict {
        /** Parsed, and every interpreted expectation held. */
        PASSED,
        /** Parsed, but an interpreted expectation did not hold (or an expected well-formed feed was refused). */
        FAILED,
        /** Parsed; the fixture had no expectation we interpret. */
        PARSED,
        /** Refused with a per-feed error message. */
        REFUSED,
        /** Anything thrown but our per-feed error: must never happen. */
        CRASHED
    }

    record Result(String path, String folder, Verdict verdict, int checked, String detail) {}

    static Stream<Path> fixtures() throws IOException {
        try (var files = Files.walk(ROOT)) {
            return files
                    .filter(Files::isRegularFile)
                    .filter(path -> {
                        var name = path.getFileName().toString();
                        return !name.equals("SOURCE.md")
                                && !name.equals("MANIFEST.txt")
                                && !name.equals("LICENSE")
                                && !name.endsWith(".output");
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String folder(Path fixture) {
        var relative = ROOT.relativize(fixture);
        var depth = relative.getName(1).toString().equals("wellformed") ? 3 : 2;
        return relative.subpath(0, Math.min(depth, relative.getNameCount() - 1))
                .toString()
                .replace('\\', '/');
    }

    static Result run(Path fixture) {
        var path = ROOT.relativize(fixture).toString().replace('\\', '/');
        var folder = folder(fixture);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var comment = comment(bytes);
        var contentType = header(comment, "Content-type");
        // The fixtures whose names say "http" are served over HTTP in feedparser's suite, with the headers their
        // comment lists: the document URL (and any Content-Location) is the base their relative links resolve against.
        var base = path.contains("http")
                ? FeedFetcher.Fetched.documentUrl(
                        HTTP_BASE.resolve(ROOT.relativize(fixture)
                                .subpath(1, ROOT.relativize(fixture).getNameCount())
                                .toString()),
                        header(comment, "Content-Location"))
                : null;
        ParsedFeed feed;
        try {
            feed = PARSER.parse(bytes, contentType, base, Integer.MAX_VALUE);
        } catch (FeedParseException e) {
            // rome-modules/2.rss is an HTML error page saved as .rss: refusing it is right (see its SOURCE.md).
            var wellFormedExpectation = !path.equals("rome/rome-modules/2.rss")
                    && !e.refused()
                    && (folder.startsWith("feedparser/wellformed") || folder.startsWith("rome/"));
            return new Result(
                    path, folder, wellFormedExpectation ? Verdict.FAILED : Verdict.REFUSED, 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(path, folder, Verdict.CRASHED, 0, e.toString());
        }
        var failures = new ArrayList<String>();
        var checked = path.startsWith("rome/")
                ? checkRome(feed, failures)
                : checkExpect(expect(comment), feed, failures, !folder.endsWith("/sanitize"));
        if (!failures.isEmpty()) {
            return new Result(path, folder, Verdict.FAILED, checked, String.join("; ", failures));
        }
        return new Result(path, folder, checked == 0 ? Verdict.PARSED : Verdict.PASSED, checked, "");
    }

    private static String comment(byte[] bytes) {
        String text;
        try (var reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
            var builder = new StringBuilder();
            var buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                builder.append(buffer, 0, n);
            }
            text = builder.toString();
        } catch (IOException e) {
            text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        var start = text.indexOf("<!--");
        var end = start < 0 ? -1 : text.indexOf("-->", start);
        return start < 0 || end < 0 ? "" : text.substring(start + 4, end);
    }

    private static String header(String comment, String name) {
        var matcher = Pattern.compile("^Header:\\s+" + name + ":(.*)$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)
                .matcher(comment);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String expect(String comment) {
        var matcher = Pattern.compile("Expect:\\s*(.*?)\\s*$", Pattern.DOTALL).matcher(comment);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static final String STRING = "([ub]?(?:'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"))";
    private static final Pattern ENTRY_TEXT =
            Pattern.compile("entries\\[(\\d+)\\]\\['(title|link|id)'\\]\\s*==\\s*" + STRING);
    private static final Pattern ENTRY_DATE = Pattern.compile(
            "entries\\[(\\d+)\\]\\['(published|updated|created)_parsed'\\]\\s*==\\s*\\(([\\d,\\s]+)\\)");
    private static final Pattern ENTRY_TAG =
            Pattern.compile("entries\\[(\\d+)\\]\\['tags'\\]\\[(\\d+)\\]\\['term'\\]\\s*==\\s*" + STRING);
    private static final Pattern FEED_TEXT = Pattern.compile("feed\\['(title|link)'\\]\\s*==\\s*" + STRING);
    /**
     * Summary, description and content are compared as carried (HTML as data). In the sanitize folder feedparser
     * expects HTML cleaned for display, which is the renderer's job, not ingest's: not interpreted there.
     */
    private static final Pattern ENTRY_BODY = Pattern.compile(
            "entries\\[(\\d+)\\]\\[(?:'summary'|'description'|('content')\\]\\[0\\]\\['value')\\]\\s*==\\s*" + STRING);

    private static final Pattern ENTRY_COUNT = Pattern.compile("len\\(entries\\)\\s*==\\s*(\\d+)");

    /** Checks the clauses we interpret; returns how many there were. */
    static int checkExpect(String expression, ParsedFeed feed, List<String> failures, boolean checkBodies) {
        var checked = 0;
        for (var clause : clauses(expression)) {
            Matcher m;
            if ((m = FEED_TEXT.matcher(clause)).matches()) {
                checked++;
                var expected = pythonString(m.group(2)).strip();
                var actual = m.group(1).equals("title") ? feed.title() : feed.link();
                if (!expected.equals(actual)) {
                    failures.add("feed " + m.group(1) + " expected [" + expected + "] but was [" + actual + "]");
                }
            } else if (checkBodies && (m = ENTRY_BODY.matcher(clause)).matches()) {
                checked++;
                var item = item(feed, Integer.parseInt(m.group(1)));
                var expected = pythonString(m.group(3)).strip();
                var actual = item == null
                        ? null
                        : m.group(2) == null ? firstNonNull(item.summary(), item.content()) : item.content();
                if (actual == null || !expected.equals(actual.strip())) {
                    failures.add("body expected [" + expected + "] but was [" + actual + "]");
                }
            } else if ((m = ENTRY_TEXT.matcher(clause)).matches()) {
                checked++;
                var item = item(feed, Integer.parseInt(m.group(1)));
                var expected = pythonString(m.group(3));
                var actual = item == null
                        ? null
                        : switch (m.group(2)) {
                            case "title" -> item.title();
                            case "link" -> item.link();
                            default -> item.guid();
                        };
                if (!expected.strip().equals(actual)) {
                    failures.add(m.group(2) + " expected [" + expected + "] but was [" + actual + "]");
                }
            } else if ((m = ENTRY_DATE.matcher(clause)).matches()) {
                checked++;
                var item = item(feed, Integer.parseInt(m.group(1)));
                var expected = tupleInstant(m.group(3));
                var actual = item == null
                        ? null
                        : m.group(2).equals("updated")
                                ? firstNonNull(item.updated(), item.published())
                                : firstNonNull(item.published(), item.updated());
                if (!expected.equals(actual)) {
                    failures.add(m.group(2) + " expected " + expected + " but was " + actual);
                }
            } else if ((m = ENTRY_TAG.matcher(clause)).matches()) {
                checked++;
                var item = item(feed, Integer.parseInt(m.group(1)));
                var expected = pythonString(m.group(3));
                if (item == null || !item.categories().contains(expected.strip())) {
                    failures.add("tag [" + expected + "] missing from " + (item == null ? null : item.categories()));
                }
            } else if ((m = ENTRY_COUNT.matcher(clause)).matches()) {
                checked++;
                if (feed.items().size() != Integer.parseInt(m.group(1))) {
                    failures.add("expected " + m.group(1) + " entries but was "
                            + feed.items().size());
                }
            }
        }
        return checked;
    }

    private static final Pattern ROME_INDEXED = Pattern.compile(".*\\.(?:item|entry)\\[(\\d+)\\]\\.(title|link)");

    static int checkRome(ParsedFeed feed, List<String> failures) {
        var checked = 0;
        for (int i = 0; i < feed.items().size(); i++) {
            var item = feed.items().get(i);
            for (var value : new String[] {item.title(), item.link()}) {
                var m = value == null ? null : ROME_INDEXED.matcher(value);
                if (m != null && m.matches()) {
                    checked++;
                    if (Integer.parseInt(m.group(1)) != i) {
                        failures.add("item " + i + " holds " + value);
                    }
                }
            }
        }
        return checked;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static FeedItem item(ParsedFeed feed, int index) {
        return index < feed.items().size() ? feed.items().get(index) : null;
    }

    private static Instant tupleInstant(String tuple) {
        var parts = Stream.of(tuple.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
        return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
                .toInstant(ZoneOffset.UTC);
    }

    /** Splits a Python boolean expression at its top-level {@code and}s, outside strings and brackets. */
    static List<String> clauses(String expression) {
        var clauses = new ArrayList<String>();
        var depth = 0;
        var start = 0;
        for (int i = 0; i < expression.length(); i++) {
            var c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(expression, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && expression.startsWith(" and ", i)) {
                clauses.add(expression.substring(start, i).strip());
                start = i + 5;
                i += 4;
            }
        }
        clauses.add(expression.substring(start).strip());
        return clauses;
    }

    private static int endOfString(String text, int open) {
        var quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    static String pythonString(String literal) {
        var start = literal.indexOf(literal.charAt(literal.length() - 1));
        var body = literal.substring(start + 1, literal.length() - 1);
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            var c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            var e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                case 'x' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
