package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.newsflow.events.Enrichment;
import java.util.List;

/**
 * The query clause of one filter. An entity filter takes the entity's key or a name as written (the facets give keys,
 * the hits names); the category filter takes a Media Topic code, or a label as before the codes (for articles enriched
 * before them, and for links and saved searches made then), in both cases only where the category is no guess, as
 * the facet counts it.
 */
final class FilterClauses {

    private FilterClauses() {}

    static Query of(SearchQuery.Filter filter, List<String> values) {
        return switch (filter) {
            case PERSON -> keyOrName(EntityField.PEOPLE, values);
            case ORGANIZATION -> keyOrName(EntityField.ORGANIZATIONS, values);
            case PLACE -> keyOrName(EntityField.PLACES, values);
            case CATEGORY -> either(terms("topic", values), confidentLabel(values));
            default -> terms(filter.field(), values);
        };
    }

    private static Query keyOrName(EntityField entity, List<String> values) {
        return either(terms(entity.keys, values), terms(entity.names, values));
    }

    // By confidence, not by topic: an index on an older mapping has no topic until a reindex.
    private static Query confidentLabel(List<String> values) {
        return Query.of(q -> q.bool(b -> b.filter(terms("category", values))
                .filter(f -> f.range(
                        r -> r.number(n -> n.field("categoryConfidence").gte(Enrichment.Category.CONFIDENT))))));
    }

    private static Query either(Query one, Query other) {
        return Query.of(q -> q.bool(b -> b.should(one).should(other).minimumShouldMatch("1")));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }
}
