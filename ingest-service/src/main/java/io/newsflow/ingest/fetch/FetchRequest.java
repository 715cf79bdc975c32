package io.newsflow.ingest.fetch;

import io.newsflow.events.Article;
import io.newsflow.events.Source;
import java.time.Instant;

/**
 * An article whose page is to be fetched, on the request topic keyed by the page's host. {@code article} is what
 * arrived (a teaser, or only a title and a link): it is published as it is when the page cannot be had.
 *
 * @param version the publisher's own version number, as in {@code ArticleIntake.Submission}
 */
record FetchRequest(String articleId, Source source, Article article, long version, Instant requestedAt) {}
