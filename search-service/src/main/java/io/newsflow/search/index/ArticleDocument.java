package io.newsflow.search.index;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import io.newsflow.search.stories.Fingerprints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An article as stored in Elasticsearch: flat, with entity names and keys as keywords for filters and facets (and,
 * for display only, the entities' mention counts and the keywords' scores), its Media Topic as {@code topic} when the
 * category is no guess (the IPTC code, or the label of an event enriched before codes), the inputs of
 * the as-you-type suggester, and the bands of its fingerprint that find near-duplicates (see {@link Fingerprints});
 * as written, also its title and text under its language for stemming ({@link #stemmed()}).
 */
public record ArticleDocument(
        String id,
        long revision,
        String title,
        String text,
        String url,
        String source,
        String sourceDomain,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String category,
        Double categoryConfidence,
        String categoryCode,
        String categoryName,
        String topic,
        String topicName,
        List<String> tags,
        List<String> publisherTags,
        List<String> people,
        List<String> organizations,
        List<String> places,
        List<String> peopleKeys,
        List<String> organizationKeys,
        List<String> placeKeys,
        Mentions mentions,
        List<String> keywords,
        List<Enrichment.Keyword> scoredKeywords,
        String lede,
        String summary,
        List<String> authors,
        int wordCount,
        int readingTimeMinutes,
        String fingerprint,
        List<String> fingerprintBands,
        String storyId,
        List<String> suggest,
        Map<String, Stemmed> stemmed) {

    /** The document an enriched event becomes, in the given story. */
    public static ArticleDocument from(ArticleEnriched event, String storyId) {
        var article = event.article();
        var enrichment = event.enrichment();
        var category = enrichment.category();
        var people = names(enrichment.people());
        var organizations = names(enrichment.organizations());
        var places = names(enrichment.places());
        return new ArticleDocument(
                event.articleId(),
                event.revision(),
                article.title(),
                enrichment.text(),
                article.url(),
                event.source() == null ? null : event.source().name(),
                event.source() == null ? null : event.source().domain(),
                article.publishedAt() != null ? article.publishedAt() : event.occurredAt(),
                event.occurredAt(),
                enrichment.language(),
                category == null ? null : category.label(),
                category == null ? null : category.confidence(),
                category == null ? null : category.code(),
                category == null ? null : category.name(),
                confident(category) ? firstNonBlank(category.code(), category.label()) : null,
                confident(category) ? firstNonBlank(category.name(), category.label()) : null,
                enrichment.tags(),
                enrichment.publisherTags(),
                people,
                organizations,
                places,
                keys(enrichment.people()),
                keys(enrichment.organizations()),
                keys(enrichment.places()),
                new Mentions(enrichment.people(), enrichment.organizations(), enrichment.places()),
                enrichment.keywords().stream().map(Enrichment.Keyword::term).toList(),
                enrichment.keywords(),
                enrichment.lede(),
                enrichment.summary(),
                article.authors(),
                enrichment.wordCount(),
                enrichment.readingTimeMinutes(),
                enrichment.fingerprint(),
                Fingerprints.bands(enrichment.fingerprint()),
                storyId,
                suggestions(article.title(), people, organizations, places),
                stemmed(enrichment.language(), article.title(), enrichment.text()));
    }

    /** The same document in another story; its stemmed fields, absent from {@code _source}, made again. */
    ArticleDocument inStory(String story) {
        return new ArticleDocument(
                id,
                revision,
                title,
                text,
                url,
                source,
                sourceDomain,
                publishedAt,
                ingestedAt,
                language,
                category,
                categoryConfidence,
                categoryCode,
                categoryName,
                topic,
                topicName,
                tags,
                publisherTags,
                people,
                organizations,
                places,
                peopleKeys,
                organizationKeys,
                placeKeys,
                mentions,
                keywords,
                scoredKeywords,
                lede,
                summary,
                authors,
                wordCount,
                readingTimeMinutes,
                fingerprint,
                fingerprintBands,
                story,
                suggest,
                stemmed(language, title, text));
    }

    /**
     * The entities with how often the article mentions each, for display only: the mapping neither indexes nor
     * analyses them ({@code people}, {@code organizations} and {@code places} are the names to filter by).
     */
    public record Mentions(
            List<Enrichment.Entity> people, List<Enrichment.Entity> organizations, List<Enrichment.Entity> places) {}

    /**
     * The title and text again under the article's own language, the one field analysed with that language's stemmer
     * (see {@link LanguageAnalyzers}); none for other languages or none detected. The mapping keeps it
     * out of {@code _source}, so it is absent from documents read back.
     */
    public record Stemmed(String title, String text) {}

    private static Map<String, Stemmed> stemmed(String language, String title, String text) {
        return language != null && LanguageAnalyzers.BY_LANGUAGE.containsKey(language)
                ? Map.of(language, new Stemmed(title, text))
                : null;
    }

    /** A rough size of the document as JSON, to split bulk requests without serializing twice. */
    int estimatedBytes() {
        return 512
                + length(title)
                + length(text)
                + length(lede)
                + length(summary)
                + (stemmed == null ? 0 : length(title) + length(text))
                + 32 * (tags.size() + publisherTags.size() + 2 * (people.size() + organizations.size() + places.size()))
                + 64 * (keywords.size() + people.size() + organizations.size() + places.size());
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static List<String> names(List<Enrichment.Entity> entities) {
        return entities.stream().map(Enrichment.Entity::name).toList();
    }

    // Two spellings of one entity in an article carry one key: the facets count an article once per entity.
    private static List<String> keys(List<Enrichment.Entity> entities) {
        return entities.stream()
                .map(Enrichment.Entity::key)
                .filter(key -> !key.isBlank())
                .distinct()
                .toList();
    }

    private static boolean confident(Enrichment.Category category) {
        return category != null && category.confident();
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    // The completion suggester matches inputs from their start and rejects empty ones.
    private static List<String> suggestions(String title, List<String>... entityLists) {
        var inputs = new LinkedHashSet<String>();
        if (title != null && !title.isBlank()) {
            inputs.add(title.strip());
        }
        for (var entities : entityLists) {
            entities.stream()
                    .filter(name -> name != null && !name.isBlank())
                    .map(String::strip)
                    .forEach(inputs::add);
        }
        return new ArrayList<>(inputs);
    }
}
