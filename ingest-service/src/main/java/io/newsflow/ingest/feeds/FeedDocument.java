package io.newsflow.ingest.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Rewrites a feed's XML tree, before ROME maps it, into the shape ROME reads correctly.
 *
 * <ul>
 *   <li>Links and Atom ids are made absolute against {@code xml:base} (RFC 3986 resolution down the tree, starting
 *       from the document's own URL), which ROME ignores: relative links are useless once an item leaves its feed.
 *   <li>Feeds that name their format with an old or wrong namespace (Atom without a namespace, pre-release Atom
 *       namespaces, RSS in a UserLand namespace) are moved into the namespace ROME recognises.
 *   <li>Atom 0.3 {@code mode="base64"} and Atom 1.0 base64 ({@code type} a non-text media type) are decoded, since
 *       ROME either fails on them or hands back the encoded text.
 *   <li>Where Atom 0.3 repeats a date, or has both {@code issued} and {@code published}, the last value wins, as
 *       feedparser does.
 * </ul>
 */
final class FeedDocument {

    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    private static final Set<String> RSS_NAMESPACES =
            Set.of("", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/");
    private static final Map<String, String> RSS_ELEMENTS = Stream.of(
                    "channel",
                    "item",
                    "title",
                    "link",
                    "description",
                    "pubDate",
                    "guid",
                    "category",
                    "author",
                    "comments",
                    "enclosure",
                    "source",
                    "language",
                    "copyright",
                    "lastBuildDate")
            .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), name -> name));
    private static final Namespace DC_TERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");
    private static final Set<String> KNOWN_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    private static final Set<String> ATOM_DATES = Set.of("created", "issued", "modified", "published", "updated");
    private static final Set<String> ATOM_TEXT =
            Set.of("title", "subtitle", "tagline", "info", "summary", "content", "rights", "copyright");

    private FeedDocument() {}

    /**
     * ROME fails on an {@code <rss>} or RSS 1.0 {@code <rdf:RDF>} without a {@code <channel>}; feedparser reads the
     * items of such a document anyway, and so do we: an {@code <rss>}'s children are moved into a channel, and an
     * RDF document (whose items are siblings of its channel) gets an empty one.
     */
    private static void ensureChannel(Element root) {
        var name = root.getName();
        if (!(name.equals("rss") || name.equals("RDF"))
                || root.getChildren().stream().anyMatch(child -> child.getName().equals("channel"))) {
            return;
        }
        var namespace = name.equals("rss")
                ? root.getNamespace()
                : root.getNamespace("") != null
                                && RSS_NAMESPACES.contains(root.getNamespace("").getURI())
                        ? root.getNamespace("")
                        : Namespace.getNamespace("http://purl.org/rss/1.0/");
        var channel = new Element("channel", namespace);
        if (name.equals("rss")) {
            channel.addContent(root.removeContent());
        }
        root.addContent(0, channel);
    }

    static void normalise(Document document, URI documentUrl) {
        if (isCdf(document.getRootElement())) {
            document.setRootElement(rssFromCdf(document.getRootElement()));
        }
        var root = document.getRootElement();
        normaliseNamespace(root);
        ensureChannel(root);
        var atom03 = root.getNamespaceURI().equals(ATOM_03);
        var atom10 = root.getNamespaceURI().equals(ATOM_10);
        // An explicit stack rather than recursion: a hostile document may nest elements deeper than the call stack.
        var stack = new ArrayDeque<Frame>();
        stack.push(new Frame(root, documentUrl == null ? null : documentUrl.toString()));
        while (!stack.isEmpty()) {
            var frame = stack.pop();
            var element = frame.element();
            var base = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
            var inScope = base == null ? frame.base() : resolve(frame.base(), base);
            var namespace = element.getNamespaceURI();
            if (namespace.equals(ATOM_03) || namespace.equals(ATOM_10)) {
                atomElement(element, inScope, atom03);
            } else if (!atom03
                    && !atom10
                    && RSS_NAMESPACES.contains(namespace)
                    && element.getName().equals("link")) {
                var link = element.getTextTrim();
                if (!link.isEmpty() && inScope != null) {
                    element.setText(resolve(inScope, link));
                }
            }
            for (var child : element.getChildren()) {
                stack.push(new Frame(child, inScope));
            }
        }
    }

    private record Frame(Element element, String base) {}

    private static boolean isCdf(Element root) {
        return root.getName().equalsIgnoreCase("channel")
                && root.getNamespaceURI().isEmpty();
    }

    /**
     * Microsoft's Channel Definition Format (1997) still turns up in old intranet feeds: its channel and items
     * carry the same title, link, abstract and modification date as RSS, so they are rewritten as RSS 2.0. Items of
     * nested channels become items of the one channel.
     */
    private static Element rssFromCdf(Element cdf) {
        var channel = new Element("channel");
        var base = attribute(cdf, "base");
        if (base != null) {
            channel.setAttribute("base", base, Namespace.XML_NAMESPACE);
        }
        copyCdf(cdf, channel);
        var stack = new ArrayDeque<Element>();
        cdf.getChildren().forEach(stack::addLast);
        while (!stack.isEmpty()) {
            var element = stack.removeFirst();
            if (element.getName().equalsIgnoreCase("item")) {
                var item = new Element("item");
                copyCdf(element, item);
                channel.addContent(item);
            } else if (element.getName().equalsIgnoreCase("channel")) {
                element.getChildren().forEach(stack::addLast);
            }
        }
        var rss = new Element("rss");
        rss.setAttribute("version", "2.0");
        rss.addNamespaceDeclaration(DC_TERMS);
        rss.addContent(channel);
        return rss;
    }

    private static void copyCdf(Element from, Element to) {
        for (var child : from.getChildren()) {
            var name = child.getName().toLowerCase(Locale.ROOT);
            if (name.equals("title") || name.equals("abstract")) {
                to.addContent(new Element(name.equals("title") ? "title" : "description").setText(child.getText()));
            }
        }
        var href = attribute(from, "href");
        if (href != null) {
            to.addContent(new Element("link").setText(href));
        }
        var modified = attribute(from, "lastmod");
        if (modified != null) {
            to.addContent(new Element("modified", DC_TERMS).setText(modified));
        }
    }

    private static String attribute(Element element, String name) {
        for (var attribute : element.getAttributes()) {
            if (attribute.getName().equalsIgnoreCase(name)
                    && !attribute.getValue().isBlank()) {
                return attribute.getValue().strip();
            }
        }
        return null;
    }

    private static void atomElement(Element element, String base, boolean atom03) {
        switch (element.getName()) {
            case "link" -> {
                var href = element.getAttributeValue("href");
                if (href != null && base != null) {
                    element.setAttribute("href", resolve(base, href));
                }
            }
            case "id" -> {
                var id = element.getTextTrim();
                if (!id.isEmpty() && base != null) {
                    element.setText(resolve(base, id));
                }
            }
            case "entry" -> lastDateWins(element);
            default -> {
                if (ATOM_TEXT.contains(element.getName())) {
                    decodeBase64(element, atom03);
                    unwrapEscapedDiv(element, atom03);
                    plainText(element, atom03);
                    if (element.getName().equals("title") && base != null) {
                        resolveMarkupLinks(element, base);
                    }
                }
            }
        }
    }

    private static final Namespace XHTML = Namespace.getNamespace("http://www.w3.org/1999/xhtml");
    private static final Pattern MARKUP_LINK =
            Pattern.compile("(\\s(?:href|src)\\s*=\\s*)(?:\"([^\"<>]*)\"|'([^'<>]*)')", Pattern.CASE_INSENSITIVE);

    /**
     * Links in a title's markup are made absolute like the entry's own links, since a title is shown as it is,
     * away from its feed. (Bodies are not rewritten: they are carried as they came.)
     */
    private static void resolveMarkupLinks(Element title, String base) {
        if (!title.getChildren().isEmpty()) {
            for (var descendant : title.getDescendants(org.jdom2.filter.Filters.element())) {
                for (var name : List.of("href", "src")) {
                    var value = descendant.getAttributeValue(name);
                    if (value != null) {
                        descendant.setAttribute(name, resolve(base, value));
                    }
                }
            }
            return;
        }
        var text = title.getText();
        if (text.indexOf('<') >= 0) {
            title.setText(MARKUP_LINK
                    .matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                            + '"'
                            + resolve(base, m.group(2) != null ? m.group(2) : m.group(3))
                                    .replace("\"", "&quot;")
                            + '"')));
        }
    }

    /**
     * Atom 0.3's defaults are {@code type="text/plain"} in {@code mode="xml"}, which ROME serialises back to XML:
     * "AT&amp;T" would come out as "AT&amp;amp;T". Plain text without child elements is its own value.
     */
    private static void plainText(Element element, boolean atom03) {
        var type = element.getAttributeValue("type", "text/plain").strip().toLowerCase(Locale.ROOT);
        var mode = element.getAttributeValue("mode", "xml").strip().toLowerCase(Locale.ROOT);
        if (atom03
                && type.equals("text/plain")
                && mode.equals("xml")
                && element.getChildren().isEmpty()) {
            element.setAttribute("mode", "escaped");
        }
    }

    /**
     * Some publishers (TypePad among them) wrap escaped HTML in an XHTML div while declaring it {@code type="html"}:
     * the HTML is the div's text.
     */
    private static void unwrapEscapedDiv(Element element, boolean atom03) {
        var type = element.getAttributeValue("type", "text");
        if (atom03
                || !(type.equals("html") || type.equals("text"))
                || element.getChildren().size() != 1) {
            return;
        }
        var div = element.getChildren().getFirst();
        if (div.getName().equals("div")
                && div.getNamespace().equals(XHTML)
                && div.getChildren().isEmpty()) {
            element.setText(div.getText());
        }
    }

    /**
     * Atom 0.3 lets {@code issued} stand for {@code published} and {@code modified} for {@code updated}; where a
     * date appears more than once (or under both names), the one that comes last is the one that counts (ROME
     * would take the first).
     */
    private static void lastDateWins(Element entry) {
        var dates = new ArrayList<Element>();
        for (var child : entry.getChildren()) {
            if (child.getNamespace().equals(entry.getNamespace()) && ATOM_DATES.contains(child.getName())) {
                dates.add(child);
            }
        }
        for (var name : List.of("created", "issued", "modified")) {
            var alias =
                    switch (name) {
                        case "issued" -> "published";
                        case "modified" -> "updated";
                        default -> name;
                    };
            Element last = null;
            for (var date : dates) {
                if (date.getName().equals(name) || date.getName().equals(alias)) {
                    last = date;
                }
            }
            if (last == null) {
                continue;
            }
            var value = last.getText();
            for (var date : dates) {
                if (date.getName().equals(name) || date.getName().equals(alias)) {
                    date.setText(value);
                }
            }
        }
    }

    private static void decodeBase64(Element element, boolean atom03) {
        boolean encoded;
        if (atom03) {
            encoded = "base64".equalsIgnoreCase(element.getAttributeValue("mode"));
        } else {
            var type = element.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
            // RFC 4287 4.1.3.3: any other media type that is neither text nor XML is base64.
            encoded = type.contains("/")
                    && !type.startsWith("text/")
                    && !type.endsWith("/xml")
                    && !type.endsWith("+xml")
                    && element.getChildren().isEmpty();
        }
        if (!encoded) {
            return;
        }
        var text = decodedUtf8(element.getText());
        if (atom03) {
            // Escaped mode: the decoded text is taken as it is, whatever markup it holds.
            element.setAttribute("mode", "escaped");
        } else if (text != null) {
            element.setAttribute("type", "html");
        }
        if (text != null) {
            element.setText(text);
        }
    }

    private static String decodedUtf8(String base64) {
        try {
            var bytes = Base64.getMimeDecoder().decode(base64.strip());
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Atom without a namespace, or in the namespaces used before Atom settled on one, and RSS put into a UserLand
     * namespace, are all still the format their root says; ROME recognises them only in the canonical namespace.
     */
    private static void normaliseNamespace(Element root) {
        var from = root.getNamespace();
        Namespace to;
        if (root.getName().equals("feed")
                && !from.getURI().equals(ATOM_03)
                && !from.getURI().equals(ATOM_10)) {
            to = Namespace.getNamespace("0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10);
        } else if (root.getName().equals("rss")) {
            // ROME knows RSS by its version: 2.1 and other unknown later ones are read as 2.0.
            var version = root.getAttributeValue("version");
            if (version != null && !KNOWN_RSS_VERSIONS.contains(version.strip())) {
                root.setAttribute("version", "2.0");
            }
            if (from.getURI().isEmpty()) {
                canonicalRssNames(root);
                return;
            }
            to = Namespace.NO_NAMESPACE;
        } else {
            return;
        }
        var stack = new ArrayDeque<Element>();
        stack.push(root);
        while (!stack.isEmpty()) {
            var element = stack.pop();
            if (element.getNamespace().getURI().equals(from.getURI())) {
                element.setNamespace(to);
            }
            element.getChildren().forEach(stack::push);
        }
        if (root.getName().equals("rss")) {
            canonicalRssNames(root);
        }
    }

    /** RSS has no namespace to tell its elements by, and some feeds spell them in any case ({@code <TiTlE>}). */
    private static void canonicalRssNames(Element root) {
        var stack = new ArrayDeque<Element>();
        root.getChildren().forEach(stack::push);
        while (!stack.isEmpty()) {
            var element = stack.pop();
            if (element.getNamespaceURI().isEmpty()) {
                var canonical = RSS_ELEMENTS.get(element.getName().toLowerCase(Locale.ROOT));
                if (canonical != null && !canonical.equals(element.getName())) {
                    element.setName(canonical);
                }
                element.getChildren().forEach(stack::push);
            }
        }
    }

    /**
     * RFC 3986 resolution that tolerates what feeds contain: surrounding white space, IRIs, and references
     * {@link URI} cannot parse (left as they are, since a wrong link is worse than a relative one).
     */
    static String resolve(String base, String reference) {
        var trimmed = reference.strip();
        if (base == null) {
            return trimmed;
        }
        try {
            var ref = new URI(trimmed);
            if (ref.isAbsolute()) {
                return trimmed;
            }
            var from = new URI(base.strip());
            if (!from.isAbsolute()) {
                return trimmed;
            }
            if (trimmed.isEmpty()) {
                return new URI(from.getScheme(), from.getSchemeSpecificPart(), null).toString();
            }
            if (from.getRawAuthority() != null
                    && (from.getRawPath() == null || from.getRawPath().isEmpty())) {
                // java.net.URI forgets the "/" of an empty path (http://host + a -> http://hosta).
                from = new URI(from.getScheme() + "://" + from.getRawAuthority() + "/");
            }
            return from.resolve(ref).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return trimmed;
        }
    }
}
