package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.util.ObjectBuilder;
import io.newsflow.events.Enrichment;
import io.newsflow.search.index.ArticleDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the index holds each kind of entity: the names as written, their stable keys, and the entities themselves in
 * the document's mentions. Facets, trending and stories count the keys, so that two spellings of one entity count
 * once, and show the spelling of the latest article of the bucket: a key has no one name, so it is read from that
 * article's mentions (a top hit per bucket) rather than from a terms aggregation on the names, which would mix in the
 * names of every other entity of the bucket's articles. Filters take either a key or a name.
 */
enum EntityField {
    PEOPLE("people", "peopleKeys", ArticleDocument.Mentions::people),
    ORGANIZATIONS("organizations", "organizationKeys", ArticleDocument.Mentions::organizations),
    PLACES("places", "placeKeys", ArticleDocument.Mentions::places);

    /** The name of the sub-aggregation that holds a bucket's latest spelling. */
    static final String NAME = "name";

    final String names;
    final String keys;
    private final Function<ArticleDocument.Mentions, List<Enrichment.Entity>> mentioned;

    EntityField(String names, String keys, Function<ArticleDocument.Mentions, List<Enrichment.Entity>> mentioned) {
        this.names = names;
        this.keys = keys;
        this.mentioned = mentioned;
    }

    /** The sub-aggregation of a bucket of keys that {@link #name} reads: the bucket's latest article's mentions. */
    ObjectBuilder<Aggregation> latestMentions(Aggregation.Builder aggregation) {
        return aggregation.topHits(h -> h.size(1)
                .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                .source(s -> s.filter(f -> f.includes("mentions." + names))));
    }

    /** The spelling of {@code key} in the bucket's latest article, or the key itself when none is found. */
    String name(Map<String, Aggregate> bucketAggregations, String key) {
        return bucketAggregations.get(NAME).topHits().hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(hit -> hit.source().to(Mentioned.class).mentions())
                .filter(Objects::nonNull)
                .map(mentioned)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(entity -> key.equals(entity.key()))
                .map(Enrichment.Entity::name)
                .findFirst()
                .orElse(key);
    }

    /** The part of a document the top hit of a bucket carries. */
    private record Mentioned(ArticleDocument.Mentions mentions) {}
}
