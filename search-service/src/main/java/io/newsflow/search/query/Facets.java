package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.ObjectBuilder;
import io.newsflow.events.Enrichment;
import io.newsflow.search.index.ArticleDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facets of a search, each a terms aggregation with the name a bucket shows. Tags, sources and languages count
 * their values as they are. Categories count the Media Topic ({@code topic}: its code, guesses left out) and show its
 * name. People, organisations and places count the entity's stable key, so that two spellings of one entity are one
 * bucket, and show the spelling of the latest article in it: a key has no one name, so it is read from that article's
 * mentions (a top hit per bucket) rather than from a terms aggregation on the names, which would mix in the names of
 * every other entity of the bucket's articles.
 */
final class Facets {

    private static final String NAME = "name";

    private enum Naming {
        AS_IS,
        TOPIC,
        ENTITY
    }

    /** {@code entity} is set for the entity facets only. */
    private record Facet(String name, String field, Naming naming, EntityField entity) {

        static Facet asIs(String name, String field) {
            return new Facet(name, field, Naming.AS_IS, null);
        }

        static Facet of(EntityField entity) {
            return new Facet(entity.names, entity.keys, Naming.ENTITY, entity);
        }
    }

    private static final List<Facet> ALL = List.of(
            Facet.asIs("tags", "tags"),
            Facet.of(EntityField.PEOPLE),
            Facet.of(EntityField.ORGANIZATIONS),
            Facet.of(EntityField.PLACES),
            new Facet("categories", "topic", Naming.TOPIC, null),
            Facet.asIs("sources", "source"),
            Facet.asIs("languages", "language"));

    private Facets() {}

    static void request(SearchRequest.Builder search, int size) {
        ALL.forEach(facet -> search.aggregations(facet.name(), a -> aggregation(a, facet, size)));
    }

    private static ObjectBuilder<Aggregation> aggregation(Aggregation.Builder a, Facet facet, int size) {
        var terms = a.terms(t -> t.field(facet.field()).size(size));
        return switch (facet.naming()) {
            case AS_IS -> terms;
            // a code has one name: the first name term of its bucket is it
            case TOPIC ->
                terms.aggregations(NAME, n -> n.terms(t -> t.field("topicName").size(1)));
            case ENTITY ->
                terms.aggregations(
                        NAME,
                        n -> n.topHits(h -> h.size(1)
                                .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                                .source(s ->
                                        s.filter(f -> f.includes(facet.entity().mentionsPath())))));
        };
    }

    static Map<String, List<SearchResult.Bucket>> read(Map<String, Aggregate> aggregations) {
        var facets = new LinkedHashMap<String, List<SearchResult.Bucket>>();
        ALL.forEach(facet -> facets.put(
                facet.name(),
                aggregations.get(facet.name()).sterms().buckets().array().stream()
                        .map(bucket -> {
                            var value = bucket.key().stringValue();
                            return new SearchResult.Bucket(value, name(facet, bucket, value), bucket.docCount());
                        })
                        .toList()));
        return facets;
    }

    private static String name(Facet facet, StringTermsBucket bucket, String value) {
        return switch (facet.naming()) {
            case AS_IS -> value;
            case TOPIC ->
                bucket.aggregations().get(NAME).sterms().buckets().array().stream()
                        .map(b -> b.key().stringValue())
                        .findFirst()
                        .orElse(value);
            case ENTITY ->
                bucket.aggregations().get(NAME).topHits().hits().hits().stream()
                        .filter(hit -> hit.source() != null)
                        .map(hit -> hit.source().to(Mentioned.class).mentions())
                        .filter(Objects::nonNull)
                        .flatMap(mentions -> facet.entity().of(mentions).stream())
                        .filter(entity -> value.equals(entity.key()))
                        .map(Enrichment.Entity::name)
                        .findFirst()
                        .orElse(value);
        };
    }

    /** The part of a document the top hit of an entity bucket carries. */
    private record Mentioned(ArticleDocument.Mentions mentions) {}
}
