package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.json.JsonData;
import io.newsflow.search.stories.StoredArticles;
import io.newsflow.search.stories.StoryDetail;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The story look-ups of one index: one search for the fingerprints near a batch, multi-gets for texts and stories. */
final class StoryLookups implements StoredArticles {

    private static final int MAX_CANDIDATES = 5_000;
    private static final int MAX_STORY_ARTICLES = 500;
    private static final List<String> STORY_ARTICLE_FIELDS =
            List.of("id", "title", "source", "publishedAt", "url", "language");
    private static final List<String> STORY_ENTITY_FIELDS = List.of("people", "organizations", "places", "tags");

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

    /** The story's articles in time order (at most {@link #MAX_STORY_ARTICLES}), or empty when no article has it. */
    Optional<StoryDetail> story(String storyId) throws IOException {
        var response = client.search(
                s -> {
                    s.index(index)
                            .size(MAX_STORY_ARTICLES)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(q -> q.term(t -> t.field("storyId").value(storyId)))
                            .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                            .source(src -> src.filter(f -> f.includes(STORY_ARTICLE_FIELDS)))
                            .aggregations(
                                    "sources",
                                    a -> a.terms(t -> t.field("source").size(50)));
                    STORY_ENTITY_FIELDS.forEach(field -> s.aggregations(
                            field, a -> a.terms(t -> t.field(field).size(10))));
                    return s;
                },
                StoryDetail.Article.class);
        var hits = response.hits().hits();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        var articles =
                hits.stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
        var entities = new LinkedHashMap<String, List<StoryDetail.Count>>();
        STORY_ENTITY_FIELDS.forEach(
                field -> entities.put(field, counts(response.aggregations().get(field))));
        var total = response.hits().total() == null
                ? articles.size()
                : response.hits().total().value();
        return Optional.of(new StoryDetail(
                storyId,
                articles.getFirst().title(),
                total,
                articles,
                counts(response.aggregations().get("sources")),
                entities));
    }

    private static List<StoryDetail.Count> counts(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(bucket -> new StoryDetail.Count(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }

    record StoredStory(String storyId) {}
}
