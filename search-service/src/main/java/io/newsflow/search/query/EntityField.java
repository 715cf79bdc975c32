package io.newsflow.search.query;

import io.newsflow.events.Enrichment;
import io.newsflow.search.index.ArticleDocument;
import java.util.List;
import java.util.function.Function;

/**
 * How the index holds each kind of entity: the names as written, their stable keys, and the entities themselves in
 * the document's mentions. Facets count the keys and show a name; filters take either.
 */
enum EntityField {
    PEOPLE("people", "peopleKeys", ArticleDocument.Mentions::people),
    ORGANIZATIONS("organizations", "organizationKeys", ArticleDocument.Mentions::organizations),
    PLACES("places", "placeKeys", ArticleDocument.Mentions::places);

    final String names;
    final String keys;
    private final Function<ArticleDocument.Mentions, List<Enrichment.Entity>> mentioned;

    EntityField(String names, String keys, Function<ArticleDocument.Mentions, List<Enrichment.Entity>> mentioned) {
        this.names = names;
        this.keys = keys;
        this.mentioned = mentioned;
    }

    /** The mentions' path in the document source. */
    String mentionsPath() {
        return "mentions." + names;
    }

    List<Enrichment.Entity> of(ArticleDocument.Mentions mentions) {
        var entities = mentioned.apply(mentions);
        return entities == null ? List.of() : entities;
    }
}
