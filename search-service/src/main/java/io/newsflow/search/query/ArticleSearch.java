package io.newsflow.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.LanguageAnalyzers;
import io.newsflow.search.stories.StoryDetail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The read side of the index: typed queries mapped to API records. */
@Component
public class ArticleSearch {

    private static final String TAGS = "tags";

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final int facetSize;
    private final MeterRegistry registry;

    ArticleSearch(ElasticsearchClient client, ArticleIndex index, SearchProperties properties, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.facetSize = properties.search().facetSize();
        this.registry = registry;
    }

    public SearchResult search(SearchQuery query) {
        return timed("search", () -> {
            var request = request(withSurvivingStories(query));
            var response = client.search(request, ArticleDocument.class);
            var hits = response.hits().hits();
            var facets = Facets.read(response.aggregations());
            var histogram = response.aggregations().get("histogram").dateHistogram().buckets().array().stream()
                    .map(b -> new SearchResult.HistogramBucket(b.keyAsString(), b.docCount()))
                    .toList();
            var next = hits.size() == query.size() && !hits.isEmpty() && !query.collapseStories()
                    ? new SearchCursor(query.sort(), hits.getLast().sort()).encode()
                    : null;
            var total = response.hits().total() == null
                    ? 0
                    : response.hits().total().value();
            return new SearchResult(
                    total,
                    withStorySizes(hits.stream().map(ArticleSearch::toHit).toList()),
                    facets,
                    histogram,
                    next);
        });
    }

    /** The request a search sends (the benchmark sends the same one straight to Elasticsearch). */
    SearchRequest request(SearchQuery query) {
        return SearchRequest.of(s -> {
            s.index(index.alias())
                    .query(query(query))
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(sort(query.sort()))
                    .highlight(h -> h.fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))))
                            .fields(NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(160)
                                    .numberOfFragments(2)))));
            if (query.collapseStories()) {
                s.collapse(c -> c.field("storyId"));
            }
            if (query.cursor() != null) {
                s.searchAfter(query.cursor().after());
            } else {
                s.from((query.page() - 1) * query.size());
            }
            Facets.request(s, facetSize);
            s.aggregations(
                    "histogram",
                    a -> a.dateHistogram(d -> d.field("publishedAt")
                            .calendarInterval(interval(query.interval()))
                            .format("strict_date_optional_time")));
            return s;
        });
    }

    /** The ids among {@code ids} that match the query (for live alerts of saved searches). */
    public List<ArticleHit> matching(SearchQuery query, List<String> ids) {
        return withStorySizes(timed("alert", () -> {
            var alert = query(withSurvivingStories(query).withIds(ids));
            return client
                    .search(
                            s -> s.index(index.alias())
                                    .query(alert)
                                    .size(ids.size())
                                    .sort(o ->
                                            o.field(f -> f.field("publishedAt").order(SortOrder.Asc))),
                            ArticleDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(ArticleSearch::toHit)
                    .toList();
        }));
    }

    /**
     * The hits with the size of their stories, counted in one request for the whole page: a terms aggregation over
     * the page's story ids, filtered to those ids, so every bucket asked for is returned with its exact count.
     */
    private List<ArticleHit> withStorySizes(List<ArticleHit> hits) {
        var storyIds = hits.stream()
                .map(ArticleHit::storyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (storyIds.isEmpty()) {
            return hits;
        }
        var sizes = timed("story-sizes", () -> {
            var response = client.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .query(q -> q.terms(t -> t.field("storyId")
                                    .terms(v -> v.value(storyIds.stream()
                                            .map(FieldValue::of)
                                            .toList()))))
                            .aggregations(
                                    "stories",
                                    a -> a.terms(t -> t.field("storyId").size(storyIds.size()))),
                    Void.class);
            var counts = new HashMap<String, Long>();
            response.aggregations()
                    .get("stories")
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
            return counts;
        });
        return hits.stream()
                .map(hit -> hit.storyId() == null
                        ? hit
                        : hit.withStorySize(Math.max(1, sizes.getOrDefault(hit.storyId(), 1L))))
                .toList();
    }

    /**
     * The search with its story filter widened to the stories its stories were merged into, so that a search (a saved
     * one above all) that follows a story keeps finding it after a merge moved its articles to the older id.
     */
    private SearchQuery withSurvivingStories(SearchQuery query) throws IOException {
        var stories = query.filters().get(SearchQuery.Filter.STORY);
        if (stories == null) {
            return query;
        }
        return query.withFilter(SearchQuery.Filter.STORY, index.withSurvivingStories(stories));
    }

    private Query query(SearchQuery query) {
        return Query.of(q -> q.bool(b -> {
            if (query.text() == null || query.text().isBlank()) {
                b.must(m -> m.matchAll(a -> a));
            } else {
                b.must(m -> m.simpleQueryString(s -> s.query(QuerySyntax.toSimpleQueryString(query.text()))
                        .fields(textFields())
                        .defaultOperator(Operator.And)
                        .lenient(true)));
            }
            query.filters().forEach((filter, values) -> b.filter(FilterClauses.of(filter, values)));
            if (query.from() != null || query.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("publishedAt");
                    if (query.from() != null) {
                        d.gte(query.from().toString());
                    }
                    if (query.to() != null) {
                        d.lt(query.to().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    private List<String> textFields() {
        var fields = new ArrayList<>(List.of("title^3", "lede^2", "summary", "text"));
        if (index.languageAnalysis()) {
            LanguageAnalyzers.BY_LANGUAGE.keySet().forEach(language -> {
                fields.add("stemmed." + language + ".title^3");
                fields.add("stemmed." + language + ".text");
            });
        }
        return fields;
    }

    private static List<SortOptions> sort(Sort sort) {
        var options = new ArrayList<SortOptions>();
        if (sort == Sort.RELEVANCE) {
            options.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
        }
        options.add(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
        // a unique tie-breaker makes search_after exact
        options.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return options;
    }

    private static CalendarInterval interval(SearchQuery.Interval interval) {
        return switch (interval) {
            case HOUR -> CalendarInterval.Hour;
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
    }

    public Optional<ArticleHit> find(String id) {
        return document(id).map(document -> withStorySizes(List.of(ArticleHit.of(document, null, Map.of())))
                .getFirst());
    }

    private Optional<ArticleDocument> document(String id) {
        return timed(
                "article",
                () -> Optional.ofNullable(client.get(g -> g.index(index.alias()).id(id), ArticleDocument.class)
                        .source()));
    }

    /**
     * Articles like the given one, or empty when the article is unknown: by the story clustering's representation
     * (see {@link ArticleIndex#similar}), or, for an article without keywords and entities or with nothing alike
     * there, by more_like_this on title and text.
     */
    public Optional<List<ArticleHit>> similar(String id, int size) {
        var document = document(id);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        var alike = timed("similar", () -> index.similar(document.get(), size));
        if (!alike.isEmpty()) {
            return Optional.of(withStorySizes(alike.stream()
                    .map(article -> ArticleHit.of(article.document(), article.score(), Map.of()))
                    .toList()));
        }
        return Optional.of(withStorySizes(timed("similar", () -> client
                .search(
                        s -> s.index(index.alias())
                                .size(size)
                                .query(q -> q.moreLikeThis(m -> m.fields("title", "text")
                                        .like(l -> l.document(
                                                d -> d.index(index.alias()).id(id)))
                                        .minTermFreq(1)
                                        .minDocFreq(1)
                                        .maxQueryTerms(40))),
                        ArticleDocument.class)
                .hits()
                .hits()
                .stream()
                .map(ArticleSearch::toHit)
                .toList())));
    }

    /** Titles and entity names that start with the prefix, as typed. */
    public List<String> suggest(String prefix, int size) {
        return timed("suggest", () -> {
            var response = client.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .source(src -> src.fetch(false))
                            .suggest(sg -> sg.suggesters(
                                    "names", fs -> fs.prefix(prefix).completion(c -> c.field("suggest")
                                            .skipDuplicates(true)
                                            .size(size)))),
                    ArticleDocument.class);
            return response.suggest().getOrDefault("names", List.of()).stream()
                    .flatMap(suggestion -> suggestion.completion().options().stream())
                    .map(option -> option.text())
                    .distinct()
                    .limit(size)
                    .toList();
        });
    }

    /** Tags and entities significantly more frequent in the window than in the whole index. */
    public Trending trending(Duration window, Instant now, int size) {
        var since = now.minus(window);
        return timed("trending", () -> {
            var response = client.search(
                    s -> {
                        s.index(index.alias())
                                .size(0)
                                .query(q -> q.range(r -> r.date(d -> d.field("publishedAt")
                                        .gte(since.toString())
                                        .lte(now.toString()))));
                        // more than asked for: the tags that name a rising entity are left out below
                        s.aggregations(
                                TAGS, a -> a.significantTerms(t -> t.field(TAGS).size(2 * size)));
                        for (var entity : EntityField.values()) {
                            s.aggregations(entity.names, a -> a.significantTerms(
                                            t -> t.field(entity.keys).size(size))
                                    .aggregations(EntityField.NAME, entity::latestMentions));
                        }
                        return s;
                    },
                    Void.class);
            var entities = new LinkedHashMap<String, List<Trending.Term>>();
            for (var entity : EntityField.values()) {
                entities.put(entity.names, trendingTerms(response.aggregations().get(entity.names), entity));
            }
            // The tags hold the entities' names too: "bolzano" beside the place Bolzano is one term, shown once, as
            // the entity, whose filter is the more precise one.
            var entityNames = entities.values().stream()
                    .flatMap(List::stream)
                    .map(term -> term.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            var terms = new LinkedHashMap<String, List<Trending.Term>>();
            terms.put(
                    TAGS,
                    trendingTerms(response.aggregations().get(TAGS), null).stream()
                            .filter(tag -> !entityNames.contains(tag.value().toLowerCase(Locale.ROOT)))
                            .limit(size)
                            .toList());
            terms.putAll(entities);
            return new Trending(since, now, terms);
        });
    }

    /** With {@code entity}, the buckets are its keys, each shown with its latest spelling; else values as they are. */
    private static List<Trending.Term> trendingTerms(Aggregate significant, EntityField entity) {
        return significant.sigsterms().buckets().array().stream()
                .map(b -> new Trending.Term(
                        b.key(),
                        entity == null ? b.key() : entity.name(b.aggregations(), b.key()),
                        b.docCount(),
                        b.bgCount(),
                        b.score()))
                .sorted(Comparator.comparingDouble(Trending.Term::score).reversed())
                .toList();
    }

    public record Trending(Instant since, Instant until, Map<String, List<Term>> terms) {

        /**
         * @param value what a filter takes: the tag, or the entity's key
         * @param name what to show: the tag, or the entity's latest spelling
         */
        public record Term(String value, String name, long count, long backgroundCount, double score) {}
    }

    /**
     * Stories with at least {@code minArticles} articles published since the given time, the biggest first, then the
     * latest. The terms aggregation is ordered by document count: Elasticsearch then picks the biggest buckets, so
     * {@code min_doc_count} only drops buckets below every one it keeps (ordered by recency it would pick the latest
     * stories first, nearly all single articles, and drop them after: an empty answer, issue 12).
     */
    public List<Story> stories(Instant since, int size, int minArticles) {
        return timed("stories", () -> {
            var response = client.search(
                    s -> {
                        s.index(index.alias())
                                .size(0)
                                .query(q -> q.range(
                                        r -> r.date(d -> d.field("publishedAt").gte(since.toString()))))
                                .aggregations("stories", a -> {
                                    a.terms(t -> t.field("storyId")
                                                    .size(size)
                                                    .minDocCount(minArticles)
                                                    .order(List.of(
                                                            NamedValue.of("_count", SortOrder.Desc),
                                                            NamedValue.of("latest", SortOrder.Desc))))
                                            .aggregations("latest", l -> l.max(m -> m.field("publishedAt")))
                                            .aggregations("earliest", l -> l.min(m -> m.field("publishedAt")))
                                            .aggregations(
                                                    "sources",
                                                    l -> l.terms(t ->
                                                            t.field("source").size(50)))
                                            .aggregations(
                                                    "languages",
                                                    l -> l.terms(t ->
                                                            t.field("language").size(10)))
                                            .aggregations(
                                                    "categories",
                                                    l -> l.terms(t ->
                                                            t.field("category").size(1)))
                                            .aggregations(
                                                    "first",
                                                    l -> l.topHits(h -> h.size(1)
                                                            .sort(o -> o.field(f -> f.field("publishedAt")
                                                                    .order(SortOrder.Asc)))
                                                            .source(src ->
                                                                    src.filter(f -> f.includes("id", "title")))));
                                    for (var entity : EntityField.values()) {
                                        a.aggregations(entity.names, l -> l.terms(t ->
                                                        t.field(entity.keys).size(5))
                                                .aggregations(EntityField.NAME, entity::latestMentions));
                                    }
                                    return a;
                                });
                        return s;
                    },
                    Void.class);
            return response.aggregations().get("stories").sterms().buckets().array().stream()
                    .map(bucket -> {
                        var first = bucket.aggregations()
                                .get("first")
                                .topHits()
                                .hits()
                                .hits()
                                .getFirst();
                        var source =
                                first.source() == null ? null : first.source().to(Map.class);
                        var entities = new LinkedHashMap<String, List<String>>();
                        for (var entity : EntityField.values()) {
                            entities.put(
                                    entity.names,
                                    bucket.aggregations().get(entity.names).sterms().buckets().array().stream()
                                            .map(b -> entity.name(
                                                    b.aggregations(), b.key().stringValue()))
                                            .toList());
                        }
                        var categories = keys(bucket.aggregations().get("categories"));
                        return new Story(
                                bucket.key().stringValue(),
                                source == null ? null : String.valueOf(source.get("title")),
                                bucket.docCount(),
                                keys(bucket.aggregations().get("sources")),
                                keys(bucket.aggregations().get("languages")),
                                categories.isEmpty() ? null : categories.getFirst(),
                                entities,
                                Instant.ofEpochMilli(bucket.aggregations()
                                        .get("earliest")
                                        .min()
                                        .value()
                                        .longValue()),
                                Instant.ofEpochMilli(bucket.aggregations()
                                        .get("latest")
                                        .max()
                                        .value()
                                        .longValue()));
                    })
                    .toList();
        });
    }

    private static List<String> keys(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(b -> b.key().stringValue())
                .toList();
    }

    /** One story with its articles in time order, or empty when no article is in it. */
    public Optional<StoryDetail> story(String storyId) {
        return timed("story", () -> index.story(storyId));
    }

    /**
     * @param title the title of its first article
     * @param entities its most frequent people, organizations and places, counted by key, each by its latest spelling
     * @param firstSeen the publication time of its first article in the window
     * @param latest the publication time of its latest article
     */
    public record Story(
            String id,
            String title,
            long articles,
            List<String> sources,
            List<String> languages,
            String category,
            Map<String, List<String>> entities,
            Instant firstSeen,
            Instant latest) {}

    private <T> T timed(String kind, Callable<T> call) {
        var sample = Timer.start(registry);
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            sample.stop(Timer.builder("newsflow.search.query")
                    .description("Elasticsearch time per query kind")
                    .tag("kind", kind)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private static ArticleHit toHit(Hit<ArticleDocument> hit) {
        return ArticleHit.of(hit.source(), hit.score(), hit.highlight());
    }
}
