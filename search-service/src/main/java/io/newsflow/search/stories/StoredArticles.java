package io.newsflow.search.stories;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What {@link StoryAssigner} needs to know about the articles already stored in one index: the index seam implements
 * it, the clustering itself never talks to Elasticsearch.
 */
public interface StoredArticles {

    /**
     * The stored articles published between {@code from} and {@code to} (inclusive) whose fingerprint shares one of
     * the bands (see {@link Fingerprints#bands}), at most a few thousand.
     */
    List<StoredArticle> sharingABand(Collection<String> bands, Instant from, Instant to) throws IOException;

    /** The title and text of those of the ids that are stored. */
    Map<String, StoredText> texts(Collection<String> ids) throws IOException;

    /** @param storyId and {@code fingerprint} may be missing in documents of older mappings */
    record StoredArticle(String id, String storyId, String fingerprint) {}

    /** The fields of a stored article that confirm a fingerprint match. */
    record StoredText(String title, String text) {}
}
