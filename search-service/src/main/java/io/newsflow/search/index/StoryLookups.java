package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.json.JsonData;
import io.newsflow.search.stories.StoredArticles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The story look-ups of one index: one search for the fingerprints near a batch, multi-gets for texts and stories. */
final class StoryLookups implements StoredArticles {

    private static final int MAX_CANDIDATES = 5_000;

    private final ElasticsearchClient client;
    private final String index;

    StoryLookups(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public List<StoredArticle> sharingABand(Collection<String> bands, Instant from, Instant to) throws IOException {
        var terms = bands.stream().map(FieldValue::of).toList();
        var response = client.search(
                s -> s.index(index)
                        .size(MAX_CANDIDATES)
                        // doc values, not _source: much cheaper for many hits
                        .source(src -> src.fetch(false))
                        .docvalueFields(f -> f.field("storyId"))
                        .docvalueFields(f -> f.field("fingerprint"))
                        .query(q -> q.bool(b -> b.filter(f ->
                                        f.terms(t -> t.field("fingerprintBands").terms(v -> v.value(terms))))
                                .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt")
                                        .gte(from.toString())
                                        .lte(to.toString())))))),
                Void.class);
        var stored = new ArrayList<StoredArticle>();
        for (var hit : response.hits().hits()) {
            stored.add(new StoredArticle(
                    hit.id(),
                    first(hit.fields().get("storyId")),
                    first(hit.fields().get("fingerprint"))));
        }
        return stored;
    }

    private static String first(JsonData values) {
        if (values == null) {
            return null;
        }
        var list = values.to(List.class);
        return list.isEmpty() ? null : String.valueOf(list.getFirst());
    }

    @Override
    public Map<String, StoredText> texts(Collection<String> ids) throws IOException {
        var texts = new HashMap<String, StoredText>();
        var response = client.mget(
                m -> m.index(index).ids(new ArrayList<>(ids)).sourceIncludes("title", "text"), StoredText.class);
        for (var doc : response.docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                texts.put(doc.result().id(), doc.result().source());
            }
        }
        return texts;
    }

    Map<String, String> stories(Collection<String> articleIds) throws IOException {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        var response = client.mget(
                m -> m.index(index).ids(articleIds.stream().distinct().toList()).sourceIncludes("storyId"),
                StoredStory.class);
        var stories = new HashMap<String, String>();
        for (var doc : response.docs()) {
            if (doc.isResult()
                    && doc.result().found()
                    && doc.result().source() != null
                    && doc.result().source().storyId() != null) {
                stories.put(doc.result().id(), doc.result().source().storyId());
            }
        }
        return stories;
    }

    record StoredStory(String storyId) {}
}
