package io.newsflow.extraction;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import tools.jackson.databind.JsonNode;

/**
 * Title, authors, dates, language, lead image and canonical URL of a page: the {@link ExtractedPage} without its main
 * text, which {@link MainText} reads with the title in hand.
 */
final class PageMetadata {

    private static final String WRITTEN_DATE = "time, [class~=(?i)date|time|publish|posted|dateline|byline|meta], "
            + ":matchesOwn((?i)\\b(published|updated|posted)(\\s+on)?[\\s:-]*(\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))";
    private static final int MAX_DATELINE_CHARS = 200;
    static final String OUTSIDE_ARTICLE = "nav, aside, footer, [class~=(?i)(^|\\s)nav(-item|bar)?(\\s|$)]";
    private static final int MAX_SHOWN_DATES = 10;
    static final int MAX_UNDER_HEADLINE_CHARS = 600;
    static final int MAX_DATE_TEXT_CHARS = 60;
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*");
    private static final List<String> PUBLISHED_KEYS = List.of(("article:published_time og:published_time"
                    + " og:article:published_time datepublished parsely-pub-date sailthru.date pubdate publishdate"
                    + " publish-date publish_date date dc.date dc.date.issued dcterms.created dcterms.date"
                    + " article.published cxenseparse:recs:publishtime")
            .split(" "));
    private static final List<String> MODIFIED_KEYS =
            List.of("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified");

    private PageMetadata() {}

    static ExtractedPage of(Document document, URI pageUrl) {
        var jsonLd = JsonLd.of(document);
        var article = jsonLd.article();
        var meta = MetaTags.of(document);
        var published = published(document, meta, article, pageUrl);
        var modified = modified(document, meta, article);
        return new ExtractedPage(
                Titles.of(document, meta, article, Authors.siteNames(meta, article, pageUrl)),
                "",
                Authors.of(document, meta, article, pageUrl),
                published.map(OffsetDateTime::toInstant),
                modified.map(OffsetDateTime::toInstant),
                language(document, meta, article),
                image(document, meta, article).flatMap(url -> absolute(url, pageUrl)),
                canonical(document, meta, article).flatMap(url -> absolute(url, pageUrl)),
                published.map(date -> day(document, date, modified)));
    }

    private static Optional<OffsetDateTime> published(
            Document document, MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
        return declared(
                        document,
                        meta,
                        article,
                        "datePublished",
                        PUBLISHED_KEYS,
                        attribute(document, "article time[datetime], time[pubdate], time[datetime]", "datetime"),
                        article.flatMap(node -> JsonLd.text(node, "dateCreated")))
                .or(() -> Dates.inUrl(pageUrl.getPath()))
                .or(() -> writtenDate(document))
                .or(() -> dateUnderHeadline(document));
    }

    /**
     * A date written just after the headline, whatever the element's class: many pages put the dateline there in an
     * element of no telling name ("article-general-info", hashed CSS classes). Read from the short texts (a date, a
     * "Published ..." line, not a sentence of the article that mentions a date) that follow the first {@code h1}
     * outside navigation, within the length of a standfirst and a byline.
     */
    private static Optional<OffsetDateTime> dateUnderHeadline(Document document) {
        for (var h1 : document.select("h1")) {
            if (h1.closest(OUTSIDE_ARTICLE) != null) {
                continue;
            }
            var read = 0;
            Node node = h1;
            while (read < MAX_UNDER_HEADLINE_CHARS && (node = nextInOrder(node, h1)) != null) {
                if (node instanceof TextNode textNode && !textNode.isBlank()) {
                    var text = textNode.text().strip();
                    read += text.length();
                    if (text.length() <= MAX_DATE_TEXT_CHARS) {
                        var date = Dates.writtenIn(text);
                        if (date.isPresent()) {
                            return date;
                        }
                    }
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The node after this one in document order, skipping the headline's own children. */
    static Node nextInOrder(Node node, Node headline) {
        if (node != headline && node.childNodeSize() > 0 && !isScript(node)) {
            return node.childNode(0);
        }
        var current = node;
        while (current != null) {
            var next = current.nextSibling();
            if (next != null) {
                return next;
            }
            current = current.parentNode();
        }
        return null;
    }

    private static boolean isScript(Node node) {
        return node.nameIs("script") || node.nameIs("style") || node.nameIs("noscript");
    }

    private static Optional<OffsetDateTime> modified(Document document, MetaTags meta, Optional<JsonNode> article) {
        return declared(document, meta, article, "dateModified", MODIFIED_KEYS);
    }

    /**
     * The first date that parses of those the page declares for a schema.org property: in JSON-LD, in the meta tags
     * that carry it, in microdata, then in the fallbacks given.
     */
    @SafeVarargs
    private static Optional<OffsetDateTime> declared(
            Document document,
            MetaTags meta,
            Optional<JsonNode> article,
            String property,
            List<String> metaKeys,
            Optional<String>... fallbacks) {
        return Stream.of(
                        Stream.of(article.flatMap(node -> JsonLd.text(node, property))),
                        metaKeys.stream().map(meta::first),
                        Stream.of(attribute(document, "[itemprop=" + property + "]", "content", "datetime")),
                        Stream.of(fallbacks))
                .flatMap(candidates -> candidates)
                .flatMap(Optional::stream)
                .filter(value -> !value.isBlank())
                .map(Dates::parse)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The day the page shows for its article: the first day in a dateline or a {@code time} element that is the day
     * of its publication or of its last update (which many pages show instead), give or take one, as a date declared
     * in UTC can be the day after the page's local one. Other days shown are the site's calendar or other articles'.
     * Without one, the declared date's own day.
     */
    private static LocalDate day(Document document, OffsetDateTime published, Optional<OffsetDateTime> modified) {
        var declared = published.toLocalDate();
        var updated = modified.map(OffsetDateTime::toLocalDate);
        var looked = 0;
        for (var element : document.select(WRITTEN_DATE)) {
            var text = element.text();
            if (text.length() > MAX_DATELINE_CHARS || element.closest(OUTSIDE_ARTICLE) != null) {
                continue;
            }
            var shown = Dates.writtenIn(text)
                    .or(() -> Dates.parse(element.attr("datetime")))
                    .map(OffsetDateTime::toLocalDate);
            if (shown.isPresent()) {
                var day = shown.get();
                if (near(day, declared)
                        || updated.filter(update -> near(day, update)).isPresent()) {
                    return day;
                }
                if (++looked == MAX_SHOWN_DATES) {
                    break;
                }
            }
        }
        return declared;
    }

    private static boolean near(LocalDate day, LocalDate other) {
        return Math.abs(ChronoUnit.DAYS.between(day, other)) <= 1;
    }

    /** A date written out in an element that says it holds one (a dateline, a "published" line). */
    private static Optional<OffsetDateTime> writtenDate(Document document) {
        for (var element : document.select(WRITTEN_DATE)) {
            var text = element.text();
            if (text.length() <= MAX_DATELINE_CHARS) {
                var date = Dates.writtenIn(text);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> language(Document document, MetaTags meta, Optional<JsonNode> article) {
        return first(
                        Optional.of(document.select("html").attr("lang")),
                        Optional.of(document.select("html").attr("xml:lang")),
                        article.flatMap(node -> JsonLd.text(node, "inLanguage")),
                        meta.first("content-language"),
                        meta.first("og:locale"),
                        meta.first("language"),
                        meta.first("dc.language"))
                .map(String::strip)
                .filter(tag -> LANGUAGE.matcher(tag).matches())
                .map(tag -> Locale.forLanguageTag(tag.replace('_', '-')).toLanguageTag())
                .filter(tag -> !tag.equals("und"))
                .findFirst();
    }

    private static Optional<String> image(Document document, MetaTags meta, Optional<JsonNode> article) {
        return first(
                        meta.first("og:image"),
                        meta.first("og:image:url"),
                        meta.first("og:image:secure_url"),
                        meta.first("twitter:image"),
                        meta.first("twitter:image:src"),
                        article.flatMap(node -> JsonLd.url(node, "image")),
                        article.flatMap(node -> JsonLd.url(node, "thumbnailUrl")),
                        attribute(document, "link[rel=image_src]", "href"))
                .findFirst();
    }

    private static Optional<String> canonical(Document document, MetaTags meta, Optional<JsonNode> article) {
        return first(
                        attribute(document, "link[rel=canonical]", "href"),
                        meta.first("og:url"),
                        article.flatMap(node -> JsonLd.url(node, "mainEntityOfPage")),
                        article.flatMap(node -> JsonLd.text(node, "url")))
                .findFirst();
    }

    @SafeVarargs
    static Stream<String> first(Optional<String>... candidates) {
        return Stream.of(candidates).flatMap(Optional::stream).filter(value -> !value.isBlank());
    }

    static Optional<String> attribute(Document document, String selector, String... attributes) {
        for (var element : document.select(selector)) {
            for (var attribute : attributes) {
                var value = element.attr(attribute).strip();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<URI> absolute(String url, URI pageUrl) {
        try {
            var resolved = pageUrl.resolve(new URI(url.strip().replace(" ", "%20")));
            return Optional.of(resolved)
                    .filter(uri -> "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
