package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.SearchProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one seam to Elasticsearch: owns the alias and its versioned indices, the mapping, bulk writes and queries.
 * Every document is written with the article's revision as external version, so replays and out-of-order revisions
 * can never duplicate a document or bring back an older one.
 */
@Component
public class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final String TEMPLATE = "elasticsearch/articles-template-v%d.json";
    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String alias;
    private final int version;

    ArticleIndex(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.alias = properties.search().index().alias();
        this.version = properties.search().index().version();
    }

    public String alias() {
        return alias;
    }

    /** Creates the index template, the first index and its alias, unless the alias exists already. */
    void createIfMissing() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            log.info("Index alias {} exists", alias);
            return;
        }
        var template = new ClassPathResource(TEMPLATE.formatted(version));
        try (var json = template.getInputStream()) {
            client.indices().putIndexTemplate(t -> t.withJson(json).name(alias).indexPatterns(alias + "-v*"));
        }
        var index = alias + "-v" + version;
        client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
        log.info("Created index {} behind alias {} with mapping {}", index, alias, template.getPath());
    }

    /**
     * Writes the articles in one bulk request and returns the items Elasticsearch refused. A version conflict is not
     * a failure: it means the index already holds this revision or a newer one.
     */
    List<ItemFailure> write(List<ArticleEnriched> articles) throws IOException {
        if (articles.isEmpty()) {
            return List.of();
        }
        var operations = articles.stream()
                .map(article -> BulkOperation.of(b -> b.index(i -> i.index(alias)
                        .id(article.articleId())
                        .version(article.revision())
                        .versionType(VersionType.External)
                        .document(ArticleDocument.from(article)))))
                .toList();
        var response = client.bulk(b -> b.operations(operations));
        var failures = new ArrayList<ItemFailure>();
        for (int i = 0; i < response.items().size(); i++) {
            var item = response.items().get(i);
            if (item.error() != null && item.status() != VERSION_CONFLICT) {
                failures.add(new ItemFailure(
                        i,
                        item.status(),
                        item.error().type() + ": " + item.error().reason()));
            }
        }
        return failures;
    }

    public SearchPage search(String text, int size) {
        Query query = text == null || text.isBlank()
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(s -> s.query(text)
                        .fields("title^3", "lede^2", "summary", "text")
                        .defaultOperator(Operator.And)
                        .lenient(true)));
        try {
            var response = client.search(
                    s -> s.index(alias)
                            .query(query)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                            .highlight(h -> h.fields(
                                            NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))))
                                    .fields(NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(160)
                                            .numberOfFragments(2))))),
                    ArticleDocument.class);
            var total = response.hits().total() == null
                    ? 0
                    : response.hits().total().value();
            return new SearchPage(
                    total,
                    response.hits().hits().stream().map(ArticleIndex::toHit).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<SearchPage.ArticleHit> find(String id) {
        try {
            var response = client.get(g -> g.index(alias).id(id), ArticleDocument.class);
            return Optional.ofNullable(response.source())
                    .map(document -> SearchPage.ArticleHit.of(document, null, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SearchPage.ArticleHit toHit(Hit<ArticleDocument> hit) {
        return SearchPage.ArticleHit.of(hit.source(), hit.score(), hit.highlight());
    }

    /** An item of a bulk request that Elasticsearch refused, by its position in the request. */
    record ItemFailure(int position, int status, String reason) {

        /** Too many requests, or the node is in trouble: the same item may well succeed later. */
        boolean retriable() {
            return status == 429 || status >= 500;
        }
    }
}
