package io.newsflow.search.saved;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsflow.search.SearchProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Saved searches, one document each in their own small index, so that every instance of the service sees them. */
@Component
class SavedSearchStore implements SmartInitializingSingleton {

    private static final int MAX_LISTED = 1_000;
    private static final String OWNER = "owner";

    private final ElasticsearchClient client;
    private final String index;

    SavedSearchStore(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.index = properties.search().savedSearchesIndex();
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
                                .properties("name", p -> p.keyword(k -> k))
                                .properties(OWNER, p -> p.keyword(k -> k))
                                .properties("createdAt", p -> p.date(d -> d))));
            } else {
                // an index made before searches had owners: the field is added, and its old searches belong to nobody
                client.indices().putMapping(m -> m.index(index).properties(OWNER, p -> p.keyword(k -> k)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the saved-search index " + index, e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            // another instance created it at the same moment
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    SavedSearch save(SavedSearch search) {
        try {
            client.index(i -> i.index(index).id(search.id()).document(search).refresh(Refresh.WaitFor));
            return search;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The saved search, when it is the owner's; another's is as absent as a missing one. */
    Optional<SavedSearch> find(String id, String owner) {
        return find(id).filter(saved -> owner.equals(saved.owner()));
    }

    Optional<SavedSearch> find(String id) {
        try {
            return Optional.ofNullable(
                    client.get(g -> g.index(index).id(id), SavedSearch.class).source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<SavedSearch> all(String owner) {
        return all(Optional.of(owner));
    }

    List<SavedSearch> all() {
        return all(Optional.empty());
    }

    private List<SavedSearch> all(Optional<String> owner) {
        try {
            return client
                    .search(
                            s -> s.index(index)
                                    .query(q -> owner.map(o ->
                                                    q.term(t -> t.field(OWNER).value(o)))
                                            .orElseGet(() -> q.matchAll(a -> a)))
                                    .size(MAX_LISTED)
                                    .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc))),
                            SavedSearch.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the owner's saved search; another's is left, as if missing. */
    boolean delete(String id, String owner) {
        if (find(id, owner).isEmpty()) {
            return false;
        }
        try {
            return client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor))
                            .result()
                    == co.elastic.clients.elasticsearch._types.Result.Deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
