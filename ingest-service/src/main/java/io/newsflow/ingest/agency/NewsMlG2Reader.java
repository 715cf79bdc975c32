package io.newsflow.ingest.agency;

import io.newsflow.events.Article;
import io.newsflow.events.Source;
import io.newsflow.ingest.agency.InvalidAgencyItemException.Kind;
import io.newsflow.ingest.agency.InvalidAgencyItemException.Violation;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Maps a NewsML-G2 news item onto an article, after validating it against the NewsML-G2 2.35 schema (G2 stays
 * backward-compatible, so items of earlier versions validate too): {@code guid} and {@code version} to the GUID and
 * the revision, the headline, the NITF or XHTML body of the inline content (or its plain text), the byline (else the
 * creators), the subjects' names as publisher tags, the content's creation and modification dates, the language.
 *
 * <p>The parser takes no DOCTYPE, so neither external entities (XXE) nor entity expansion bombs can reach it, and it
 * loads no schema or DTD named by the document: the only schema is ours, from the classpath.
 */
final class NewsMlG2Reader {

    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
    private static final String FORMAT = "NewsML-G2";
    private static final String XSD = "agency/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd";
    private static final int MAX_ERRORS = 20;

    private final Schema schema = loadSchema();

    Submission read(byte[] body) {
        var errors = new ArrayList<Violation>();
        var document = parse(body, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        var root = document.getDocumentElement();
        if (!NAR.equals(root.getNamespaceURI()) || !"newsItem".equals(root.getLocalName())) {
            throw InvalidAgencyItemException.notAnArticle(
                    FORMAT, root.getLocalName(), "it is a <" + root.getLocalName() + ">, and only a <newsItem> is");
        }
        return map(root);
    }

    private Document parse(byte[] body, List<Violation> errors) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setSchema(schema);
            // As the IPTC's own validation (libxml2) does: an idref naming no id is not a schema error there.
            factory.setFeature("http://apache.org/xml/features/validation/id-idref-checking", false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Collector(errors));
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cvc-")) {
                // a schema error the parser would not continue after, or the collector's bound
                if (errors.isEmpty()) {
                    errors.add(new Violation(null, e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
                }
                throw invalid(errors);
            }
            throw new InvalidAgencyItemException(
                    Kind.MALFORMED,
                    FORMAT,
                    "The document is not well-formed XML: " + e.getMessage(),
                    List.of(new Violation(null, e.getMessage(), e.getLineNumber(), e.getColumnNumber())));
        } catch (SAXException e) {
            throw new InvalidAgencyItemException(
                    Kind.MALFORMED,
                    FORMAT,
                    "The document is not well-formed XML: " + e.getMessage(),
                    List.of(new Violation(null, e.getMessage(), null, null)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser does not support secure processing", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidAgencyItemException invalid(List<Violation> errors) {
        return new InvalidAgencyItemException(
                Kind.INVALID,
                FORMAT,
                "The document is not valid NewsML-G2 (" + errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "")
                        + " error" + (errors.size() == 1 ? "" : "s") + ").",
                errors);
    }

    /**
     * A strict wildcard meeting an element of another vocabulary whose schema we do not hold (RightsML's ODRL
     * policies, which G2 2.23+ embeds in rightsInfo): the IPTC validates those against a combined schema; here they
     * are left unvalidated rather than refusing the item.
     */
    private static final String FOREIGN_ELEMENT = "cvc-complex-type.2.4.c";

    /** Schema errors are collected (up to a bound) to name them all; a well-formedness error ends the parse. */
    private record Collector(List<Violation> errors) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            if (e.getMessage() != null && e.getMessage().startsWith(FOREIGN_ELEMENT)) {
                return;
            }
            errors.add(new Violation(null, e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
            if (errors.size() >= MAX_ERRORS) {
                throw e;
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static Schema loadSchema() {
        try {
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The schema imports xml.xsd beside it, on the classpath; nothing else. The JDK's check reads the protocol
            // inside a jar: URL, which is "file" in a plain jar and "nested" in Spring Boot's executable jar.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,nested");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            var url = new ClassPathResource(XSD).getURL();
            try (var in = url.openStream()) {
                return factory.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("The NewsML-G2 schema " + XSD + " cannot be loaded", e);
        }
    }

    private static Submission map(Element item) {
        var guid = item.getAttribute("guid");
        var contentMeta = child(item, "contentMeta");
        var itemMeta = child(item, "itemMeta");
        var title = contentMeta
                .flatMap(meta -> text(meta, "headline"))
                .or(() -> contentMeta.flatMap(meta -> text(meta, "slugline")))
                .orElseThrow(() -> InvalidAgencyItemException.notAnArticle(
                        FORMAT, "contentMeta/headline", "it has no headline or slugline"));
        var body = child(item, "contentSet").flatMap(NewsMlG2Reader::inlineContent);
        var description = contentMeta.flatMap(meta -> text(meta, "description"));
        if (body.isEmpty() && description.isEmpty()) {
            throw InvalidAgencyItemException.notAnArticle(
                    FORMAT,
                    "contentSet",
                    "it has no inline text (inlineXML or inlineData) and no description; remote content is not fetched");
        }
        var authors = contentMeta.map(NewsMlG2Reader::authors).orElse(List.of());
        var language = contentMeta
                .flatMap(meta -> child(meta, "language"))
                .map(element -> element.getAttribute("tag"))
                .filter(tag -> !tag.isBlank())
                .or(() -> Optional.of(item.getAttributeNS(XMLConstants.XML_NS_URI, "lang"))
                        .filter(tag -> !tag.isBlank()));
        var published = contentMeta
                .flatMap(meta -> text(meta, "contentCreated"))
                .or(() -> itemMeta.flatMap(meta -> text(meta, "firstCreated")));
        var modified = contentMeta
                .flatMap(meta -> text(meta, "contentModified"))
                .or(() -> itemMeta.flatMap(meta -> text(meta, "versionCreated")));
        var article = new Article(
                title,
                body.or(() -> description).orElseThrow(),
                null,
                body.isPresent() ? description.orElse(null) : null,
                authors,
                AgencyDates.parse(published.orElse(null), "contentMeta/contentCreated", FORMAT),
                AgencyDates.parse(modified.orElse(null), "contentMeta/contentModified", FORMAT),
                language.orElse(null),
                contentMeta.map(NewsMlG2Reader::subjects).orElse(List.of()),
                guid);
        return new Submission(
                Source.pushed(null, null), article, NinjsReader.version(Optional.of(item.getAttribute("version"))));
    }

    /** The byline ({@code by}), else the names of the creators. */
    private static List<String> authors(Element contentMeta) {
        var by = text(contentMeta, "by");
        if (by.isPresent()) {
            return List.of(by.get());
        }
        var names = new ArrayList<String>();
        for (var creator : children(contentMeta, "creator")) {
            text(creator, "name")
                    .or(() -> nonBlank(creator.getAttribute("literal")))
                    .ifPresent(names::add);
        }
        return names;
    }

    private static List<String> subjects(Element contentMeta) {
        var tags = new ArrayList<String>();
        for (var subject : children(contentMeta, "subject")) {
            text(subject, "name")
                    .or(() -> nonBlank(subject.getAttribute("literal")))
                    .or(() -> nonBlank(subject.getAttribute("qcode")))
                    .filter(tag -> !tags.contains(tag))
                    .ifPresent(tags::add);
        }
        return tags;
    }

    /** The first inline content: NITF's body.content or XHTML's body as markup, or inline data as it is. */
    private static Optional<String> inlineContent(Element contentSet) {
        for (var child = contentSet.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && NAR.equals(element.getNamespaceURI())) {
                if ("inlineXML".equals(element.getLocalName())) {
                    var markup = Markup.of(bodyOf(element));
                    if (!markup.isBlank()) {
                        return Optional.of(markup);
                    }
                } else if ("inlineData".equals(element.getLocalName())) {
                    var data = element.getTextContent().strip();
                    if (!data.isEmpty()) {
                        return Optional.of(data);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Element bodyOf(Element inlineXml) {
        for (var name : List.of("body.content", "body")) {
            var found = inlineXml.getElementsByTagNameNS("*", name);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        return inlineXml;
    }

    private static Optional<Element> child(Element parent, String name) {
        var all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    private static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && NAR.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).flatMap(element -> nonBlank(element.getTextContent()));
    }

    private static Optional<String> nonBlank(String text) {
        var collapsed = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? Optional.empty() : Optional.of(collapsed);
    }

    /** Inline XML as plain markup: element names without prefixes or attributes, text escaped. */
    private static final class Markup {

        static String of(Node parent) {
            var out = new StringBuilder();
            for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                append(child, out);
            }
            return out.toString().strip();
        }

        private static void append(Node node, StringBuilder out) {
            switch (node.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    var name = node.getLocalName();
                    out.append('<').append(name).append('>');
                    for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                        append(child, out);
                    }
                    out.append("</").append(name).append('>');
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE ->
                    out.append(node.getNodeValue()
                            .replace("&", "&amp;")
                            .replace("<", "&lt;")
                            .replace(">", "&gt;"));
                default -> {}
            }
        }
    }
}
