package io.newsflow.ingest.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, in the shape every format is normalised to. {@code content} and {@code summary} are carried
 * as data (HTML included) and never rendered here.
 */
record FeedItem(
        String title,
        String link,
        String guid,
        Instant published,
        Instant updated,
        List<String> authors,
        List<String> categories,
        String content,
        String summary) {

    FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
