package io.newsflow.ingest.feeds;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (with ROME) and JSON Feed 1.x into {@link ParsedFeed}s.
 *
 * <p>Hostile XML is refused before it can cost anything: ROME's SAX parser runs without external entities and with
 * DOCTYPE declarations disallowed, and a DOCTYPE that carries an internal subset (the only place entity bombs such as
 * billion laughs can live) is refused here without parsing. An external-only DOCTYPE (RSS 0.91's Netscape DTD) is
 * harmless and dropped, since the DTD is never fetched anyway. ROME's "XML healer" turns HTML entities such as
 * {@code &nbsp;} into character references, which is how real feeds without a DTD are read leniently.
 */
final class FeedParser {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE_WITHOUT_SUBSET =
            Pattern.compile("<!DOCTYPE[^>\\[]*>", Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String XHTML_DIV = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";
    private static final Pattern EMPTY_RSS = Pattern.compile("<rss[\\s>]");

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param body the document as fetched
     * @param contentType the response's Content-Type (its charset is one of the hints for the encoding), or null
     * @param base the feed's URL, against which relative links are resolved, or null
     * @param maxItems how many items to take at most; the rest of the document is ignored
     */
    ParsedFeed parse(byte[] body, String contentType, URI base, int maxItems) throws FeedParseException {
        if (looksLikeJson(body)) {
            return parseJsonFeed(body, base, maxItems);
        }
        var text = decode(body, contentType);
        var doctype = DOCTYPE.matcher(text);
        if (doctype.find()) {
            if (doctype.group(1) != null) {
                throw FeedParseException.refused("the document declares a DTD internal subset (entity"
                        + " declarations are not allowed in feeds)");
            }
            text = DOCTYPE_WITHOUT_SUBSET.matcher(text).replaceFirst("");
        }
        SyndFeed feed;
        try {
            var input = new SyndFeedInput();
            input.setXmlHealerOn(true);
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(text));
        } catch (FeedException | RuntimeException e) {
            if (EMPTY_RSS.matcher(text).find() && !text.contains("<channel")) {
                // ROME fails on an <rss> without a <channel>; for us that is a feed without items.
                return new ParsedFeed("rss", null, null, List.of(), false);
            }
            // ROME's module parsers also throw unchecked exceptions on odd but well-formed input: one bad feed must
            // not escape as anything but a per-feed error.
            throw new FeedParseException("not a readable RSS or Atom feed", rootCause(e));
        }
        var link = resolve(base, feed.getLink());
        var entries = feed.getEntries();
        var items = entries.stream()
                .limit(maxItems)
                .map(entry -> item(entry, base == null ? null : link == null ? base : URI.create(link)))
                .toList();
        return new ParsedFeed(feed.getFeedType(), clean(feed.getTitle()), link, items, entries.size() > maxItems);
    }

    private static String decode(byte[] body, String contentType) throws FeedParseException {
        try (var reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            var text = new StringBuilder(body.length);
            var buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
            }
            return windows1252Controls(text).toString();
        } catch (IOException e) {
            throw new FeedParseException("could not decode the document", e);
        }
    }

    /**
     * Feeds labelled ISO-8859-1 are very often Windows-1252 (curly quotes, dashes at 0x80-0x9F), where ISO-8859-1 has
     * only C1 control characters that XML does not allow in text anyway: read them as Windows-1252, as browsers do.
     */
    private static StringBuilder windows1252Controls(StringBuilder text) {
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                var mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                if (mapped.length() == 1 && mapped.charAt(0) != '\ufffd') {
                    text.setCharAt(i, mapped.charAt(0));
                }
            }
        }
        return text;
    }

    private static FeedItem item(SyndEntry entry, URI base) {
        var contents = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(Objects::nonNull)
                .toList();
        var description =
                entry.getDescription() == null ? null : entry.getDescription().getValue();
        var content = clean(contents.isEmpty() ? description : String.join("\n", contents));
        var summary = contents.isEmpty() ? null : clean(description);
        var authors = new LinkedHashSet<String>();
        Stream.concat(entry.getAuthors().stream(), entry.getContributors().stream())
                .map(FeedParser::personName)
                .filter(Objects::nonNull)
                .forEach(authors::add);
        if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors.add(entry.getAuthor().strip());
        }
        var dublinCore = entry.getModule(DCModule.URI) instanceof DCModule dc ? dc : null;
        var subjects = dublinCore == null
                ? Stream.<String>empty()
                : dublinCore.getSubjects().stream().map(DCSubject::getValue);
        var categories = Stream.concat(entry.getCategories().stream().map(SyndCategory::getName), subjects)
                .filter(name -> name != null && !name.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
        var link = entry.getLink() != null ? entry.getLink() : firstLink(entry);
        var title = entry.getTitle() == null && dublinCore != null ? dublinCore.getTitle() : entry.getTitle();
        return new FeedItem(
                clean(title),
                resolve(base, link),
                clean(entry.getUri()),
                instant(entry.getPublishedDate()),
                instant(entry.getUpdatedDate()),
                new ArrayList<>(authors),
                categories,
                content,
                summary);
    }

    private static String firstLink(SyndEntry entry) {
        return entry.getLinks().isEmpty() ? null : entry.getLinks().getFirst().getHref();
    }

    private static String personName(SyndPerson person) {
        var name = person.getName() != null && !person.getName().isBlank() ? person.getName() : person.getEmail();
        return name == null || name.isBlank() ? null : name.strip();
    }

    private ParsedFeed parseJsonFeed(byte[] body, URI base, int maxItems) throws FeedParseException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("not a readable JSON Feed", e);
        }
        var version = root.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedParseException("a JSON document without a JSON Feed version is not a feed");
        }
        var link = resolve(base, text(root, "home_page_url"));
        var all = root.path("items").values();
        var items = all.stream()
                .limit(maxItems)
                .map(item -> {
                    var html = text(item, "content_html");
                    var authors = Stream.concat(item.path("authors").values().stream(), Stream.of(item.path("author")))
                            .map(author -> text(author, "name"))
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
                    var tags = item.path("tags").values().stream()
                            .filter(JsonNode::isString)
                            .map(JsonNode::stringValue)
                            .toList();
                    return new FeedItem(
                            text(item, "title"),
                            resolve(base, text(item, "url")),
                            text(item, "id"),
                            jsonDate(text(item, "date_published")),
                            jsonDate(text(item, "date_modified")),
                            authors,
                            tags,
                            html != null ? html : text(item, "content_text"),
                            text(item, "summary"));
                })
                .toList();
        return new ParsedFeed(
                "json_" + version.substring(version.lastIndexOf('/') + 1),
                text(root, "title"),
                link,
                items,
                all.size() > maxItems);
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    private static Instant jsonDate(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean looksLikeJson(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            var b = body[i] & 0xff;
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                return false;
            }
        }
        return false;
    }

    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        var trimmed = link.strip();
        if (base == null) {
            return trimmed;
        }
        try {
            return base.resolve(trimmed).toString();
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : unwrapXhtml(text.strip());
    }

    /** Atom's {@code type="xhtml"} wraps text in an XHTML div that is not part of the text (RFC 4287, 3.1.1.3). */
    private static String unwrapXhtml(String text) {
        return text.startsWith(XHTML_DIV) && text.endsWith("</div>")
                ? text.substring(XHTML_DIV.length(), text.length() - "</div>".length())
                        .strip()
                : text;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Throwable rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
