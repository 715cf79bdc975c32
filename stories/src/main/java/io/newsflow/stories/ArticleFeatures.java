package io.newsflow.stories;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the clustering knows of one article: its weighted terms (the enrich service's keywords with their TF-IDF scores,
 * split into words, and the title's content words, boosted), its entities (people, organisations and places with their
 * mentions) as separate features, and its publication time. Both vectors are L2-normalised. Built only from what the
 * enrichment event carries, so that every instance, a replay and the evaluation see the same features: the document
 * frequencies behind the keyword scores are the enrich service's shipped table, not statistics of one index.
 *
 * @param time {@code null} when the article has none (the time feature is then left out)
 * @param headlineOnly whether the article's text is its headline alone (see {@link #headlineOnly(String, String)}):
 *     {@link StorySimilarity} scores it with its headline settings
 */
public record ArticleFeatures(
        String id, Map<String, Double> terms, Map<String, Double> entities, Instant time, boolean headlineOnly) {

    /** A title word weighs as much as the article's best keyword times this. */
    static final double TITLE_BOOST = 1.0;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "have", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did",
            "get", "him", "let", "say", "says", "said", "she", "too", "use", "with", "from", "that", "this", "they",
            "will", "what", "when", "where", "which", "while", "into", "after", "over", "than", "then", "them", "been",
            "were", "their", "there", "about", "would", "could", "should", "more", "most", "some", "such", "only",
            "also", "just", "like", "very", "your", "amid", "among", "against", "before", "because", "being", "here",
            "upon", "under", "again", "other", "these", "those", "year", "years", "week", "today", "first", "last");

    public ArticleFeatures {
        terms = Map.copyOf(terms);
        entities = Map.copyOf(entities);
    }

    /** A full article. */
    public ArticleFeatures(String id, Map<String, Double> terms, Map<String, Double> entities, Instant time) {
        this(id, terms, entities, time, false);
    }

    /** The features of an enriched article; its time is its publication time, else when it was ingested. */
    public static ArticleFeatures of(ArticleEnriched event) {
        var enrichment = event.enrichment();
        var time = event.article().publishedAt() != null ? event.article().publishedAt() : event.occurredAt();
        return of(
                event.articleId(),
                event.article().title(),
                enrichment.keywords(),
                mentions(enrichment.people(), enrichment.organizations(), enrichment.places()),
                time,
                headlineOnly(event.article().title(), enrichment.text()));
    }

    /**
     * Whether an article's text is its headline alone: its clean text (the enrichment's, from the body or else the
     * summary) has no content word, or the same content words as the title in the same order (a feed or a submission
     * that repeats the title as the body). Decided on the words the features count, so that case and punctuation do
     * not matter; a short text with a sentence of its own is a full article.
     */
    public static boolean headlineOnly(String title, String text) {
        var words = words(text);
        return words.isEmpty() || words.equals(words(title));
    }

    /**
     * The features from the stored fields of a full article (the clustering scores only the article it assigns; a
     * stored article is a story's member, never assigned, so whether it was a headline alone does not matter to the
     * clustering).
     *
     * @param entities entity name to mentions, over people, organisations and places
     */
    public static ArticleFeatures of(
            String id, String title, List<Enrichment.Keyword> keywords, Map<String, Integer> entities, Instant time) {
        return of(id, title, keywords, entities, time, false);
    }

    /**
     * The features from the stored fields of an article.
     *
     * @param entities entity name to mentions, over people, organisations and places
     * @param headlineOnly see {@link #headlineOnly(String, String)}
     */
    public static ArticleFeatures of(
            String id,
            String title,
            List<Enrichment.Keyword> keywords,
            Map<String, Integer> entities,
            Instant time,
            boolean headlineOnly) {
        var terms = new HashMap<String, Double>();
        double best = 0;
        for (var keyword : keywords) {
            if (keyword.term() == null) {
                continue;
            }
            best = Math.max(best, keyword.score());
            for (var word : words(keyword.term())) {
                terms.merge(word, keyword.score(), Math::max);
            }
        }
        var titleWeight = TITLE_BOOST * (best > 0 ? best : 1);
        for (var word : words(title)) {
            terms.merge(word, titleWeight, Double::sum);
        }
        var entityWeights = new HashMap<String, Double>();
        entities.forEach((name, mentions) ->
                entityWeights.merge(name.toLowerCase(Locale.ROOT), 1 + Math.log(Math.max(1, mentions)), Double::sum));
        return new ArticleFeatures(
                id, Vectors.normalised(terms), Vectors.normalised(entityWeights), time, headlineOnly);
    }

    /** People, organisations and places by name, with their mentions. */
    @SafeVarargs
    public static Map<String, Integer> mentions(Collection<Enrichment.Entity>... kinds) {
        var mentions = new HashMap<String, Integer>();
        for (var kind : kinds) {
            for (var entity : kind) {
                if (entity.name() != null) {
                    mentions.merge(entity.name(), entity.mentions(), Integer::sum);
                }
            }
        }
        return mentions;
    }

    /** The content words of a text as the features count them: lower-case, longer than two letters, no stopword. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return NON_WORD.splitAsStream(text.toLowerCase(Locale.ROOT))
                .filter(word -> word.length() > 2 && !STOPWORDS.contains(word))
                .toList();
    }
}
