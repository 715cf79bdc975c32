package io.newsflow.ingest.sitemap;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sitemap (sitemaps.org 0.9) as ingest reads it: the pages of a {@code <urlset>}, with the Google News extension's
 * title, publication date and language where it has them, or the child sitemaps of a {@code <sitemapindex>}.
 */
public record Sitemap(List<Entry> entries, List<URI> sitemaps) {

    public Sitemap {
        entries = List.copyOf(entries);
        sitemaps = List.copyOf(sitemaps);
    }

    /** One page: {@code <loc>}, and {@code <news:title>} etc. when the sitemap is a news sitemap. */
    public record Entry(
            URI url,
            Optional<String> title,
            Optional<Instant> published,
            Optional<Instant> modified,
            Optional<String> language,
            Optional<String> publication) {}
}
