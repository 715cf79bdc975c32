package io.newsflow.search.stories;

import io.newsflow.stories.ArticleFeatures;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link StoryAssigner} needs of the articles already stored in one index: the index seam implements it, the
 * clustering itself never talks to Elasticsearch.
 */
public interface StoredArticles {

    /**
     * For each probe, in the same order, the stored articles most like it (by title, keywords and entities) published
     * within its window: the articles whose stories the probed article may join.
     */
    List<List<StoredArticle>> like(List<Probe> probes) throws IOException;

    /**
     * Every stored article published within the window other than the given ones, when there are at most {@code max}:
     * one search that tells whether the articles an instance remembers are all there is to compare with; empty when
     * there are more.
     */
    Optional<List<StoredArticle>> allWithin(Instant from, Instant to, Collection<String> except, int max)
            throws IOException;

    /** The story each of the given ones was merged into, for those that were (one step: the pointer as stored). */
    Map<String, String> mergedInto(Collection<String> storyIds) throws IOException;

    /**
     * Moves every article of story {@code from} into story {@code into} and records that {@code from} points to
     * {@code into}.
     */
    void merge(String from, String into) throws IOException;

    /** The text an article is looked up by, and the publication times its story's articles may have. */
    record Probe(String id, String title, List<String> keywords, List<String> entities, Instant from, Instant to) {}

    /** @param storyId missing in documents indexed before stories existed */
    record StoredArticle(String storyId, ArticleFeatures features) {}
}
