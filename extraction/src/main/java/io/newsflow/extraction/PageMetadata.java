package io.newsflow.extraction;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;

/** Title, authors, dates, language, lead image and canonical URL of a page. */
record PageMetadata(
        String title,
        List<String> authors,
        Optional<Instant> published,
        Optional<Instant> modified,
        Optional<String> language,
        Optional<URI> image,
        Optional<URI> canonicalUrl) {

    private static final String WRITTEN_DATE = "time, [class~=(?i)date|time|publish|posted|dateline|byline|meta]";
    private static final int MAX_DATELINE_CHARS = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*");

    static PageMetadata of(Document document, URI pageUrl) {
        var jsonLd = JsonLd.of(document);
        var article = jsonLd.article();
        var meta = MetaTags.of(document);
        return new PageMetadata(
                Titles.of(document, meta, article),
                Authors.of(document, meta, article, pageUrl),
                published(document, meta, article, pageUrl),
                modified(document, meta, article),
                language(document, meta, article),
                image(document, meta, article).flatMap(url -> absolute(url, pageUrl)),
                canonical(document, meta, article).flatMap(url -> absolute(url, pageUrl)));
    }

    private static Optional<Instant> published(
            Document document, MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
        return first(
                        article.flatMap(node -> JsonLd.text(node, "datePublished")),
                        meta.first("article:published_time"),
                        meta.first("og:published_time"),
                        meta.first("og:article:published_time"),
                        meta.first("datepublished"),
                        meta.first("parsely-pub-date"),
                        meta.first("sailthru.date"),
                        meta.first("pubdate"),
                        meta.first("publishdate"),
                        meta.first("publish-date"),
                        meta.first("publish_date"),
                        meta.first("date"),
                        meta.first("dc.date"),
                        meta.first("dc.date.issued"),
                        meta.first("dcterms.created"),
                        meta.first("dcterms.date"),
                        meta.first("article.published"),
                        meta.first("cxenseparse:recs:publishtime"),
                        attribute(document, "[itemprop=datePublished]", "content", "datetime"),
                        attribute(document, "article time[datetime], time[pubdate], time[datetime]", "datetime"),
                        article.flatMap(node -> JsonLd.text(node, "dateCreated")))
                .map(Dates::parse)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> Dates.inUrl(pageUrl.getPath()))
                .or(() -> writtenDate(document));
    }

    /** A date written out in an element that says it holds one (a dateline, a "published" line). */
    private static Optional<Instant> writtenDate(Document document) {
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

    private static Optional<Instant> modified(Document document, MetaTags meta, Optional<JsonNode> article) {
        return first(
                        article.flatMap(node -> JsonLd.text(node, "dateModified")),
                        meta.first("article:modified_time"),
                        meta.first("og:updated_time"),
                        meta.first("datemodified"),
                        meta.first("last-modified"),
                        meta.first("dcterms.modified"),
                        attribute(document, "[itemprop=dateModified]", "content", "datetime"))
                .map(Dates::parse)
                .flatMap(Optional::stream)
                .findFirst();
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
