package io.newsflow.ingest.feeds;

import java.util.List;

/**
 * A parsed feed document.
 *
 * @param format the format ROME (or our JSON Feed reader) recognised, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param truncated whether the document had more items than one poll takes
 */
record ParsedFeed(String format, String title, String link, List<FeedItem> items, boolean truncated) {

    ParsedFeed {
        items = List.copyOf(items);
    }
}
