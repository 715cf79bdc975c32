package io.newsflow.search;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import io.newsflow.testing.KafkaRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Enriched events built by tests, as the enrich service will send them once it fills every field. */
public final class Articles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Articles() {}

    static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static ArticleEnriched enriched(long revision, String title, String text) {
        return builder(title, text).revision(revision).build();
    }

    public static Builder builder(String title, String text) {
        return new Builder(title, text);
    }

    static void send(String topic, ArticleEnriched event) {
        KafkaRecords.send(topic, event.articleId(), JSON.writeValueAsString(event), Map.of());
    }

    public static final class Builder {
        private String id = newId();
        private long revision = 1;
        private final String title;
        private final String text;
        private String source = "RksNews";
        private String language = "en";
        private Instant publishedAt = Instant.parse("2025-03-01T08:00:00Z");
        private List<String> tags = List.of();
        private List<String> publisherTags = List.of();
        private List<String> authors = List.of();
        private final List<Enrichment.Keyword> keywords = new ArrayList<>();
        private final Map<String, Integer> mentions = new HashMap<>();
        private double categoryConfidence = 0.9;
        private int readingTimeMinutes = 1;
        private List<String> people = List.of();
        private List<String> organizations = List.of();
        private List<String> places = List.of();
        private String category;
        private String categoryCode;
        private String categoryName;
        private final Map<String, String> keys = new HashMap<>();
        private String lede;
        private String summary;
        private String fingerprint;
        private String url;

        private Builder(String title, String text) {
            this.title = title;
            this.text = text;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder revision(long value) {
            revision = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        /** Tags the publisher sent; the enrich service adds them to the tags as well, so does this. */
        public Builder publisherTags(String... values) {
            publisherTags = List.of(values);
            return this;
        }

        public Builder authors(String... values) {
            authors = List.of(values);
            return this;
        }

        public Builder keyword(String term, double score) {
            keywords.add(new Enrichment.Keyword(term, score));
            return this;
        }

        /** How often the article mentions that person, organisation or place (1 unless given). */
        public Builder mentions(String name, int count) {
            mentions.put(name, count);
            return this;
        }

        public Builder categoryConfidence(double value) {
            categoryConfidence = value;
            return this;
        }

        public Builder readingTimeMinutes(int value) {
            readingTimeMinutes = value;
            return this;
        }

        public Builder people(String... values) {
            people = List.of(values);
            return this;
        }

        public Builder organizations(String... values) {
            organizations = List.of(values);
            return this;
        }

        public Builder places(String... values) {
            places = List.of(values);
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        /** A category with its IPTC Media Topic, as the enrich service sends it since the codes. */
        public Builder mediaTopic(String label, String code, String name) {
            category = label;
            categoryCode = code;
            categoryName = name;
            return this;
        }

        /** The stable key enrich gives that person, organisation or place (else the one derived from the name). */
        public Builder key(String name, String key) {
            keys.put(name, key);
            return this;
        }

        public Builder lede(String value) {
            lede = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder fingerprint(String value) {
            fingerprint = value;
            return this;
        }

        public ArticleEnriched build() {
            var domain = source.toLowerCase().replaceAll("[^a-z0-9]", "") + ".com";
            var ingested = new ArticleIngested(
                    UUID.randomUUID().toString(),
                    1,
                    id,
                    revision,
                    Instant.parse("2025-03-01T10:00:00Z"),
                    "h",
                    Source.pushed(source, domain),
                    new Article(
                            title,
                            text,
                            url == null ? "https://" + domain + "/" + id : url,
                            null,
                            authors,
                            publishedAt,
                            null,
                            null,
                            publisherTags,
                            null));
            var allTags = new LinkedHashSet<>(tags);
            allTags.addAll(publisherTags);
            return ArticleEnriched.from(
                    ingested,
                    new Enrichment(
                            language,
                            text,
                            keywords,
                            entities(people),
                            entities(organizations),
                            entities(places),
                            category == null
                                    ? null
                                    : new Enrichment.Category(category, categoryConfidence, categoryCode, categoryName),
                            List.copyOf(allTags),
                            lede,
                            summary,
                            text.split("\\s+").length,
                            readingTimeMinutes,
                            fingerprint,
                            publisherTags));
        }

        private List<Enrichment.Entity> entities(List<String> names) {
            return names.stream()
                    .map(name -> new Enrichment.Entity(name, mentions.getOrDefault(name, 1), keys.get(name)))
                    .toList();
        }
    }
}
