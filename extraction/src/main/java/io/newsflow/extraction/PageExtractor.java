package io.newsflow.extraction;

import java.net.URI;
import java.util.Objects;
import org.jsoup.Jsoup;

/**
 * Extracts the main text and the metadata of a web page: schema.org JSON-LD first (NewsArticle and its kin), then
 * OpenGraph and other meta tags, then the page's structure. Stateless, so one instance serves every thread; the same
 * input always gives the same output.
 */
public final class PageExtractor {

    public ExtractedPage extract(String html, URI pageUrl) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(pageUrl, "pageUrl");
        var document = Jsoup.parse(html, pageUrl.toString());
        var metadata = PageMetadata.of(document, pageUrl);
        var text = MainText.of(document, metadata);
        return new ExtractedPage(
                metadata.title(),
                text,
                metadata.authors(),
                metadata.published(),
                metadata.modified(),
                metadata.language(),
                metadata.image(),
                metadata.canonicalUrl());
    }
}
