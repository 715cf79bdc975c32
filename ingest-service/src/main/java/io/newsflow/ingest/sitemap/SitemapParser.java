package io.newsflow.ingest.sitemap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads sitemaps and sitemap indexes, news sitemaps included. DOCTYPEs are refused (no external entities, no entity
 * expansion), nothing is fetched while parsing, and at most {@code maxEntries} pages are taken.
 */
public final class SitemapParser {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final Pattern ROOT = Pattern.compile("<(?:[A-Za-z0-9_]+:)?(urlset|sitemapindex)[\\s>]");

    private final int maxEntries;

    public SitemapParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Whether a fetched document is a sitemap rather than a feed: its root element is urlset or sitemapindex. */
    public static boolean isSitemap(byte[] body) {
        var head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        var matcher = ROOT.matcher(head);
        return matcher.find() && !head.substring(0, matcher.start()).matches("(?s).*<(rss|feed|rdf)[\\s>].*");
    }

    public Sitemap parse(byte[] body, URI base) throws SitemapException {
        var root = document(body);
        var entries = new ArrayList<Sitemap.Entry>();
        var sitemaps = new ArrayList<URI>();
        var index = root.getLocalName().equals("sitemapindex");
        for (var child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || !SITEMAP_NS.equals(element.getNamespaceURI())) {
                continue;
            }
            var loc = text(element, SITEMAP_NS, "loc").flatMap(value -> url(base, value));
            if (loc.isEmpty()) {
                continue;
            }
            if (index && element.getLocalName().equals("sitemap")) {
                sitemaps.add(loc.get());
            } else if (!index && element.getLocalName().equals("url") && entries.size() < maxEntries) {
                var news = first(element, NEWS_NS, "news");
                var publication = news.flatMap(n -> first(n, NEWS_NS, "publication"));
                entries.add(new Sitemap.Entry(
                        loc.get(),
                        news.flatMap(n -> text(n, NEWS_NS, "title")),
                        news.flatMap(n -> text(n, NEWS_NS, "publication_date")).flatMap(SitemapParser::instant),
                        text(element, SITEMAP_NS, "lastmod").flatMap(SitemapParser::instant),
                        publication.flatMap(p -> text(p, NEWS_NS, "language")),
                        publication.flatMap(p -> text(p, NEWS_NS, "name"))));
            }
        }
        return new Sitemap(entries, sitemaps);
    }

    private static Element document(byte[] body) throws SitemapException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            var root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!SITEMAP_NS.equals(root.getNamespaceURI())
                    || !root.getLocalName().equals("urlset")
                            && !root.getLocalName().equals("sitemapindex")) {
                throw new SitemapException("not a sitemap: the root element is " + root.getTagName());
            }
            return root;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SitemapException("not a readable sitemap: " + e.getMessage());
        }
    }

    private static Optional<Element> first(Element parent, String namespace, String name) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE
                    && namespace.equals(child.getNamespaceURI())
                    && name.equals(child.getLocalName())) {
                return Optional.of((Element) child);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String namespace, String name) {
        return first(parent, namespace, name)
                .map(e -> e.getTextContent().strip())
                .filter(t -> !t.isEmpty());
    }

    private static Optional<URI> url(URI base, String value) {
        try {
            var url = base.resolve(new URI(value));
            var scheme = url.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                    ? Optional.of(url)
                    : Optional.empty();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** W3C datetime, as sitemaps write it: a date, or a date and time with an offset. */
    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
