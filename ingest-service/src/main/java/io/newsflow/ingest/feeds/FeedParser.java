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
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.XmlFixerReader;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Entities;
import org.jsoup.select.NodeFilter;
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

    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String ITUNES = "http://www.itunes.com/DTDs/Podcast-1.0.dtd";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String XHTML_DIV = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";

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
        // Only the prolog can declare a DTD: "<!DOCTYPE" in a comment, or in the document (in CDATA, say), is text.
        var declaration = doctypeStart(text);
        if (declaration >= 0) {
            var doctype = DOCTYPE.matcher(text);
            if (doctype.region(declaration, text.length()).lookingAt() && doctype.group(1) != null) {
                throw FeedParseException.refused("the document declares a DTD internal subset (entity"
                        + " declarations are not allowed in feeds)");
            }
            var external = DOCTYPE_WITHOUT_SUBSET.matcher(text).region(declaration, text.length());
            if (external.lookingAt()) {
                text = text.substring(0, declaration) + text.substring(external.end());
            }
        }
        SyndFeed feed;
        try {
            var document = new DocumentInput().read(text);
            FeedDocument.normalise(document, base);
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | JDOMException | IOException | RuntimeException e) {
            // ROME's module parsers also throw unchecked exceptions on odd but well-formed input: one bad feed must
            // not escape as anything but a per-feed error.
            throw new FeedParseException("not a readable RSS or Atom feed", rootCause(e));
        }
        var atom03 = "atom_0.3".equals(feed.getFeedType());
        var link = resolve(base, feed.getLink());
        var entries = feed.getEntries();
        var items = entries.stream()
                .limit(maxItems)
                .map(entry -> item(entry, base, atom03))
                .toList();
        var title = feed.getTitle() == null && feed.getModule(DCModule.URI) instanceof DCModule dc
                ? dc.getTitle()
                : feed.getTitle();
        return new ParsedFeed(
                feed.getFeedType(), safeTitle(markup(title, atom03)), link, items, entries.size() > maxItems);
    }

    /**
     * ROME's own secure reader (DOCTYPEs disallowed, no external entities, the XML healer on), stopped at the XML
     * tree so that {@link FeedDocument} can fix it up before ROME maps it.
     */
    private static final class DocumentInput extends WireFeedInput {

        DocumentInput() {
            setXmlHealerOn(true);
            setAllowDoctypes(false);
        }

        Document read(String text) throws JDOMException, IOException {
            return createSAXBuilder().build(new XmlFixerReader(new StringReader(text)));
        }
    }

    /** Where the prolog's DOCTYPE starts, skipping comments and processing instructions, or -1 if it has none. */
    static int doctypeStart(String text) {
        var i = 0;
        while ((i = text.indexOf('<', i)) >= 0 && i + 1 < text.length()) {
            if (text.startsWith("<!--", i)) {
                var end = text.indexOf("-->", i + 4);
                i = end < 0 ? text.length() : end + 3;
            } else if (text.charAt(i + 1) == '?') {
                var end = text.indexOf("?>", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
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

    private static FeedItem item(SyndEntry entry, URI base, boolean atom03) {
        var contents = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(Objects::nonNull)
                .toList();
        var dublinCore = entry.getModule(DCModule.URI) instanceof DCModule dc ? dc : null;
        var description = firstText(
                entry.getDescription() == null ? null : entry.getDescription().getValue(),
                dublinCore == null ? null : dublinCore.getDescription(),
                foreignText(entry, MEDIA_RSS, "description"),
                foreignText(entry, ITUNES, "summary"));
        var fullText = contents.isEmpty() ? fullText(entry) : String.join("\n", contents);
        var content = markup(fullText == null ? description : fullText, atom03);
        var summary = fullText == null ? null : markup(description, atom03);
        var authors = new LinkedHashSet<String>();
        Stream.concat(entry.getAuthors().stream(), entry.getContributors().stream())
                .map(FeedParser::personName)
                .filter(Objects::nonNull)
                .forEach(authors::add);
        if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors.add(entry.getAuthor().strip());
        }
        var subjects = dublinCore == null
                ? Stream.<String>empty()
                : dublinCore.getSubjects().stream().map(DCSubject::getValue);
        var podcastCategories = foreign(entry, ITUNES, "category").map(element -> element.getAttributeValue("text"));
        var categories = Stream.of(
                        entry.getCategories().stream().map(SyndCategory::getName), subjects, podcastCategories)
                .flatMap(names -> names)
                .filter(name -> name != null && !name.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
        var link = entry.getLink() != null ? entry.getLink() : firstLink(entry);
        var title = firstText(
                entry.getTitle(),
                dublinCore == null ? null : dublinCore.getTitle(),
                foreignText(entry, MEDIA_RSS, "title"));
        return new FeedItem(
                safeTitle(markup(title, atom03)),
                resolve(base, link),
                clean(entry.getUri()),
                instant(
                        entry.getPublishedDate() != null
                                ? entry.getPublishedDate()
                                : dcTerms(entry, "issued", "created")),
                instant(entry.getUpdatedDate() != null ? entry.getUpdatedDate() : dcTerms(entry, "modified")),
                new ArrayList<>(authors),
                categories,
                content,
                summary);
    }

    /**
     * Media RSS and iTunes elements ROME core does not map (they stay foreign markup), looked for also inside
     * {@code media:group} and nested {@code itunes:category}s, in document order.
     */
    private static Stream<Element> foreign(SyndEntry entry, String namespace, String name) {
        return entry.getForeignMarkup().stream()
                .flatMap(element -> Stream.concat(
                        Stream.of(element),
                        StreamSupport.stream(
                                element.getDescendants(Filters.element()).spliterator(), false)))
                .filter(element -> element.getNamespaceURI().equals(namespace)
                        && element.getName().equals(name));
    }

    private static String foreignText(SyndEntry entry, String namespace, String name) {
        return foreign(entry, namespace, name)
                .map(Element::getText)
                .filter(text -> !text.isBlank())
                .findFirst()
                .orElse(null);
    }

    /**
     * Full text in RSS without content:encoded: an XHTML {@code <body>}, serialised as HTML without the XHTML
     * namespace declaration every top-level element would otherwise repeat.
     */
    private static String fullText(SyndEntry entry) {
        return foreign(entry, XHTML, "body")
                .findFirst()
                .map(body -> new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true))
                        .outputString(body.getContent())
                        .replace(" xmlns=\"" + XHTML + "\"", ""))
                .filter(html -> !html.isBlank())
                .orElse(null);
    }

    private static String firstText(String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /** ROME's Dublin Core module reads dc:date only; the DCMI terms namespace is left to the foreign markup. */
    private static Date dcTerms(SyndEntry entry, String... names) {
        for (var name : names) {
            for (var element : entry.getForeignMarkup()) {
                if (element.getNamespaceURI().equals(DC_TERMS)
                        && element.getName().equals(name)) {
                    var date = DateParser.parseDate(element.getTextTrim(), Locale.ROOT);
                    if (date != null) {
                        return date;
                    }
                }
            }
        }
        return null;
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
        return FeedDocument.resolve(base == null ? null : base.toString(), link);
    }

    private static final Set<String> ACTIVE_ELEMENTS =
            Set.of("script", "style", "iframe", "frame", "frameset", "applet", "object", "embed", "noscript");
    private static final Pattern ACTIVE_START = Pattern.compile(
            "<(?:!--|(?:script|style|iframe|frame|frameset|applet|object|embed|noscript)(?![a-z0-9]))",
            Pattern.CASE_INSENSITIVE);
    private static final OutputSettings TITLE_OUTPUT = new OutputSettings()
            .prettyPrint(false)
            .syntax(OutputSettings.Syntax.xml)
            .escapeMode(Entities.EscapeMode.xhtml);

    /**
     * Titles are the one text every consumer shows as it is (lists, search hits, notifications), so what could run
     * in them goes: comments, script-like elements with their content, event handlers and javascript: URLs. The
     * rest of a title's markup is kept, as feedparser does, and a title with nothing to remove is kept as it came
     * (jsoup's Safelist is an allow-list, which would drop markup that cannot run and escape plain text such as
     * {@code AT&T}). Bodies are not touched: they are carried as data for whoever renders them to sanitise.
     */
    static String safeTitle(String title) {
        if (title == null || title.indexOf('<') < 0) {
            return title;
        }
        // A script-like tag or a comment still open at the end would swallow the rest of a page it is put into;
        // jsoup keeps an unfinished tag as text, so cut it off here.
        var open = ACTIVE_START.matcher(title).region(title.lastIndexOf('>') + 1, title.length());
        var complete = open.find() ? title.substring(0, open.start()) : title;
        var body = Jsoup.parseBodyFragment(complete).body();
        var removed = new boolean[] {complete.length() < title.length()};
        body.filter((node, depth) -> {
            if (node instanceof Comment
                    || node instanceof org.jsoup.nodes.Element element
                            && ACTIVE_ELEMENTS.contains(element.normalName())) {
                removed[0] = true;
                return NodeFilter.FilterResult.REMOVE;
            }
            if (node instanceof org.jsoup.nodes.Element element) {
                for (var attribute : element.attributes().asList()) {
                    if (isActive(attribute)) {
                        element.removeAttr(attribute.getKey());
                        removed[0] = true;
                    }
                }
            }
            return NodeFilter.FilterResult.CONTINUE;
        });
        if (!removed[0]) {
            return title.strip();
        }
        var safe = body.ownerDocument().outputSettings(TITLE_OUTPUT).body().html();
        return safe.isBlank() ? null : safe.strip();
    }

    private static boolean isActive(Attribute attribute) {
        var name = attribute.getKey().toLowerCase(Locale.ROOT);
        return name.startsWith("on")
                || attribute.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:");
    }

    /**
     * Atom 1.0 wraps {@code type="xhtml"} text in a div that is not part of it; Atom 0.3's {@code mode="xml"} has
     * no such rule, so there the div is content, and only the namespace declaration ROME writes on it goes (it
     * repeats the namespace of the XHTML the text is put into).
     */
    private static String markup(String text, boolean atom03) {
        if (!atom03 || text == null || text.isBlank()) {
            return clean(text);
        }
        var stripped = windows1252Controls(new StringBuilder(text.strip())).toString();
        return stripped.startsWith(XHTML_DIV) ? "<div>" + stripped.substring(XHTML_DIV.length()) : stripped;
    }

    /**
     * Character references to C1 controls ({@code &#146;}) are the same Windows-1252 mistake as the raw bytes
     * {@link #decode} repairs, and get the same reading (HTML's, too).
     */
    private static String clean(String text) {
        return text == null || text.isBlank()
                ? null
                : unwrapXhtml(
                        windows1252Controls(new StringBuilder(text.strip())).toString());
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
