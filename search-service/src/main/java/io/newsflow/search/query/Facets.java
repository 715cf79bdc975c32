package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.ObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets of a search, each a terms aggregation with the name a bucket shows. Tags, sources and languages count
 * their values as they are. Categories count the Media Topic ({@code topic}: its code, guesses left out) and show its
 * name. People, organisations and places count the entity's stable key and show its latest spelling
 * ({@link EntityField}).
 */
final class Facets {

    private static final String NAME = EntityField.NAME;

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
            case ENTITY -> terms.aggregations(NAME, facet.entity()::latestMentions);
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
            case ENTITY -> facet.entity().name(bucket.aggregations(), value);
        };
    }
}
