package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import io.newsflow.events.Enrichment;
import io.newsflow.search.stories.StoredArticles;
import io.newsflow.search.stories.StoryDetail;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryProfile;
import io.newsflow.stories.StorySimilarity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The story look-ups of one index: one search for the fingerprints near a batch, multi-gets for texts and stories. */
final class StoryLookups implements StoredArticles {

    private static final int CANDIDATES_PER_ARTICLE = 20;
    private static final int SIMILAR_CANDIDATES = 50;
    private static final int MAX_SEARCHES = 200;
    private static final int MAX_MERGE_STEPS = 8;
    private static final List<String> CANDIDATE_FIELDS =
            List.of("id", "storyId", "title", "scoredKeywords", "mentions", "publishedAt");
    private static final int MAX_STORY_ARTICLES = 500;
    private static final List<String> STORY_ARTICLE_FIELDS =
            List.of("id", "title", "source", "publishedAt", "url", "language");
    private static final List<String> STORY_ENTITY_FIELDS = List.of("people", "organizations", "places", "tags");

    private final ElasticsearchClient client;
    private final String index;
    private final String merges;

    /** @param merges the index of the pointers from merged stories to the surviving ones */
    StoryLookups(ElasticsearchClient client, String index, String merges) {
        this.client = client;
        this.index = index;
        this.merges = merges;
    }

    @Override
    public List<List<StoredArticle>> like(List<Probe> probes) throws IOException {
        var searches = new ArrayList<RequestItem>();
        for (var probe : probes) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(CANDIDATES_PER_ARTICLE)
                    .source(src -> src.filter(f -> f.includes(CANDIDATE_FIELDS)))
                    .query(alike(probe, false)))));
        }
        var found = new ArrayList<List<StoredArticle>>();
        for (int from = 0; from < searches.size(); from += MAX_SEARCHES) {
            var part = searches.subList(from, Math.min(searches.size(), from + MAX_SEARCHES));
            var response = client.msearch(m -> m.searches(part), CandidateDocument.class);
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    throw new IOException("Looking up story candidates failed: "
                            + item.failure().error().reason());
                }
                found.add(item.result().hits().hits().stream()
                        .map(hit -> hit.source())
                        .filter(Objects::nonNull)
                        .map(CandidateDocument::stored)
                        .toList());
            }
        }
        return found;
    }

    @Override
    public Optional<List<StoredArticle>> allWithin(Instant from, Instant to, Collection<String> except, int max)
            throws IOException {
        var response = client.search(
                s -> s.index(index)
                        .size(max)
                        .trackTotalHits(t -> t.count(max + 1))
                        .source(src -> src.filter(f -> f.includes(CANDIDATE_FIELDS)))
                        .query(q -> q.bool(bool -> {
                            bool.filter(f -> f.range(r -> r.date(d ->
                                    d.field("publishedAt").gte(from.toString()).lte(to.toString()))));
                            if (!except.isEmpty()) {
                                bool.mustNot(n -> n.ids(i -> i.values(List.copyOf(except))));
                            }
                            return bool;
                        }))
                        // the oldest first: what a later batch compares with in publication order
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                CandidateDocument.class);
        var total = response.hits().total();
        if (total == null || total.value() > max) {
            return Optional.empty();
        }
        return Optional.of(response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .map(CandidateDocument::stored)
                .toList());
    }

    /**
     * The articles sharing a title word, a keyword or an entity with the probe, published within its window when it
     * has one. Story look-ups keep the probed article itself: found stored, it keeps the story it has.
     */
    private static Query alike(Probe probe, boolean excludeItself) {
        return Query.of(q -> q.bool(bool -> {
            if (probe.from() != null && probe.to() != null) {
                bool.filter(f -> f.range(r -> r.date(d -> d.field("publishedAt")
                        .gte(probe.from().toString())
                        .lte(probe.to().toString()))));
            }
            if (probe.title() != null && !probe.title().isBlank()) {
                bool.should(s -> s.match(m -> m.field("title").query(probe.title())));
            }
            if (!probe.keywords().isEmpty()) {
                bool.should(s -> s.terms(t -> t.field("keywords").terms(v -> v.value(values(probe.keywords())))));
            }
            if (!probe.entities().isEmpty()) {
                for (var field : List.of("people", "organizations", "places")) {
                    bool.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(values(probe.entities())))));
                }
            }
            if (excludeItself) {
                bool.mustNot(n -> n.ids(i -> i.values(probe.id())));
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    /**
     * The stored articles most like the given one by the story clustering's representation and similarity (terms and
     * entities, see {@link StorySimilarity}), best first, at any time; none when the article has neither keywords nor
     * entities, or nothing shares one.
     */
    List<ArticleIndex.Alike> similar(ArticleDocument article, StorySimilarity similarity, int size) throws IOException {
        var features = CandidateDocument.of(article).stored().features();
        if (features.terms().isEmpty() && features.entities().isEmpty()) {
            return List.of();
        }
        var entities = new ArrayList<String>();
        Stream.of(article.people(), article.organizations(), article.places())
                .filter(Objects::nonNull)
                .forEach(entities::addAll);
        var probe = new Probe(
                article.id(),
                article.title(),
                article.keywords() == null ? List.of() : article.keywords(),
                entities,
                null,
                null);
        var profile = new StoryProfile(article.id());
        profile.add(features);
        var response = client.search(
                s -> s.index(index).size(SIMILAR_CANDIDATES).query(alike(probe, true)), ArticleDocument.class);
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .map(candidate -> new ArticleIndex.Alike(
                        candidate,
                        similarity.score(
                                CandidateDocument.of(candidate).stored().features(), profile)))
                .filter(alike -> alike.score() > 0)
                .sorted(Comparator.comparingDouble(ArticleIndex.Alike::score)
                        .reversed()
                        .thenComparing(alike -> alike.document().id()))
                .limit(size)
                .toList();
    }

    private static List<FieldValue> values(List<String> values) {
        return values.stream()
                .filter(Objects::nonNull)
                .distinct()
                .map(FieldValue::of)
                .toList();
    }

    @Override
    public Map<String, String> mergedInto(Collection<String> storyIds) throws IOException {
        if (storyIds.isEmpty() || !client.indices().exists(e -> e.index(merges)).value()) {
            return Map.of();
        }
        var response = client.mget(
                m -> m.index(merges).ids(storyIds.stream().distinct().toList()), StoryMerge.class);
        var into = new HashMap<String, String>();
        for (var doc : response.docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                into.put(doc.result().id(), doc.result().source().mergedInto());
            }
        }
        return into;
    }

    /**
     * Rewrites each article of the story with the other story at the version it has ({@code external_gte}: the same
     * revision again), so that a newer revision written meanwhile wins; then records the pointer.
     */
    @Override
    public void merge(String from, String into) throws IOException {
        client.index(i -> i.index(merges).id(from).document(new StoryMerge(into)));
        var response = client.search(
                s -> s.index(index)
                        .size(MAX_STORY_ARTICLES)
                        .version(true)
                        .query(q -> q.term(t -> t.field("storyId").value(from))),
                ArticleDocument.class);
        var operations = new ArrayList<BulkOperation>();
        for (var hit : response.hits().hits()) {
            if (hit.source() == null || hit.version() == null) {
                continue;
            }
            var moved = hit.source().inStory(into);
            var target = hit.index();
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(target)
                    .id(moved.id())
                    .version(hit.version())
                    .versionType(VersionType.ExternalGte)
                    .document(moved))));
        }
        if (!operations.isEmpty()) {
            client.bulk(b -> b.operations(operations));
        }
    }

    /** The fields of a stored article the story clustering reads (see {@link ArticleFeatures}). */
    record CandidateDocument(
            String id,
            String storyId,
            String title,
            List<Enrichment.Keyword> scoredKeywords,
            ArticleDocument.Mentions mentions,
            Instant publishedAt) {

        static CandidateDocument of(ArticleDocument document) {
            return new CandidateDocument(
                    document.id(),
                    document.storyId(),
                    document.title(),
                    document.scoredKeywords(),
                    document.mentions(),
                    document.publishedAt());
        }

        StoredArticle stored() {
            var entities = mentions == null
                    ? Map.<String, Integer>of()
                    : ArticleFeatures.mentions(
                            orEmpty(mentions.people()), orEmpty(mentions.organizations()), orEmpty(mentions.places()));
            return new StoredArticle(
                    storyId,
                    ArticleFeatures.of(
                            id, title, scoredKeywords == null ? List.of() : scoredKeywords, entities, publishedAt));
        }

        private static List<Enrichment.Entity> orEmpty(List<Enrichment.Entity> entities) {
            return entities == null ? List.of() : entities;
        }
    }

    record StoryMerge(String mergedInto) {}

    /** The given stories with the stories they were merged into. */
    List<String> withSurviving(Collection<String> storyIds) throws IOException {
        var stories = new LinkedHashSet<>(storyIds);
        for (var storyId : storyIds) {
            stories.add(surviving(storyId));
        }
        return List.copyOf(stories);
    }

    /** The story that survived the merges of this one, or itself. */
    String surviving(String storyId) throws IOException {
        var current = storyId;
        for (int step = 0; step < MAX_MERGE_STEPS; step++) {
            var into = mergedInto(List.of(current)).get(current);
            if (into == null) {
                return current;
            }
            current = into;
        }
        return current;
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
    Optional<StoryDetail> story(String requested) throws IOException {
        var storyId = surviving(requested);
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
