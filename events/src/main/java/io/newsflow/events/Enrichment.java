package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * What the enrich service learned about an article.
 *
 * @param language ISO 639-1 code, or {@code und} when unsure
 * @param text the article's clean plain text (HTML and boilerplate removed, paragraphs separated by blank lines)
 * @param tags the normalised union of category, entities, keywords and publisher tags that editors filter by
 * @param lede the one sentence that best introduces the article
 * @param summary two to four sentences of the article, in article order
 * @param fingerprint a near-duplicate fingerprint (64-bit SimHash, hex) for grouping one story across sources
 * @param publisherTags the tags the publisher sent with the article (pushed {@code tags}, feed item categories),
 *     normalised like {@code tags}; added within schema version 1, so empty in events enriched before
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enrichment(
        String language,
        String text,
        List<Keyword> keywords,
        List<Entity> people,
        List<Entity> organizations,
        List<Entity> places,
        Category category,
        List<String> tags,
        String lede,
        String summary,
        int wordCount,
        int readingTimeMinutes,
        String fingerprint,
        List<String> publisherTags) {

    public Enrichment {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        places = places == null ? List.of() : List.copyOf(places);
        tags = tags == null ? List.of() : List.copyOf(tags);
        publisherTags = publisherTags == null ? List.of() : List.copyOf(publisherTags);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Keyword(String term, double score) {}

    /**
     * A person, organisation or place, by its canonical name, with how often the article mentions it.
     *
     * @param key the entity's stable key, the same in every article whatever the spelling ("united-states" for "U.S."
     *     and "United States", "volodymyr-zelensky" for "Zelenskyy" and "Zelensky"); added within schema version 1:
     *     for an event enriched before, the name in lower case with hyphens between its words
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(String name, int mentions, String key) {

        public Entity {
            if (key == null || key.isBlank()) {
                key = name == null
                        ? ""
                        : String.join("-", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
            }
        }

        public Entity(String name, int mentions) {
            this(name, mentions, null);
        }
    }

    /**
     * A top-level news category (see docs/events.md for the taxonomy) with the classifier's confidence.
     *
     * @param label the category's slug ("politics", "crime-law-justice"), the value tags and facets carry
     * @param code the IPTC Media Topic's QCode ("medtop:11000000"); added within schema version 1, absent (null) in
     *     events enriched before
     * @param name the IPTC Media Topic's en-GB name ("politics", "crime, law and justice"); added with {@code code}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String label, double confidence, String code, String name) {

        /**
         * Below this confidence the category is a guess: the event still carries it, the tags, the category facet and
         * filter leave it out. The lowest threshold above which 90% of the tuning data's categories are right
         * ({@code ./newsflow tune-topics}).
         */
        public static final double CONFIDENT = 0.25;

        /** Whether the classifier is sure enough for the category to be tagged, faceted and filtered on. */
        public boolean confident() {
            return confidence >= CONFIDENT;
        }

        public Category(String label, double confidence) {
            this(label, confidence, null, null);
        }
    }
}
