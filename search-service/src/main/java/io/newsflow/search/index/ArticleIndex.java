package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.stories.StoredArticles;
import io.newsflow.search.stories.StoryDetail;
import io.newsflow.stories.StorySimilarity;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one seam for writing to Elasticsearch: owns the alias and its versioned indices, the mapping, bulk writes, and
 * the look-ups of stored articles that indexing needs (stories). Every document is written with the article's
 * revision as external version, so replays and out-of-order revisions can never duplicate a document or bring back
 * an older one. Searches read through {@link #alias()} (see the query package).
 */
@Component
public class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final String TEMPLATE = "elasticsearch/articles-template-v%d.json";
    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String alias;
    private final int mappingVersion;
    private final long maxBulkBytes;
    private final Pattern versionedName;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> extraWriteTargets = new CopyOnWriteArraySet<>();
    private volatile boolean languageAnalysis;

    ArticleIndex(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.alias = properties.search().index().alias();
        this.mappingVersion = properties.search().index().version();
        this.maxBulkBytes = properties.search().indexing().maxBulkBytes().toBytes();
        this.versionedName = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
    }

    public String alias() {
        return alias;
    }

    /** Whether the {@code stemmed.<language>} fields are analysed (see {@link LanguageAnalyzers}). */
    public boolean languageAnalysis() {
        return languageAnalysis;
    }

    /**
     * Puts the index template (so that every new {@code <alias>-v<N>} gets the current mapping), then creates the
     * first index and its alias unless the alias exists already.
     */
    void initialize() throws IOException {
        languageAnalysis = nodeHasLanguageAnalyzers();
        log.info(
                languageAnalysis
                        ? "Elasticsearch has language analyzers: each article's title and text are stemmed in its own"
                                + " language, one of {}"
                        : "Elasticsearch lacks language analyzers (no analysis-common module): standard analysis only"
                                + " {}",
                languageAnalysis ? LanguageAnalyzers.BY_LANGUAGE.keySet() : "");
        var template = template();
        client.indices()
                .putIndexTemplate(
                        t -> t.withJson(new StringReader(template)).name(alias).indexPatterns(alias + "-v*"));
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            var current = currentIndex();
            log.info("Index alias {} exists, on {}", alias, current.orElse("?"));
            if (current.isPresent()) {
                acceptCurrentDocuments(current.get(), template);
            }
            return;
        }
        var index = indexName(1);
        client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
        log.info("Created index {} behind alias {} with mapping version {}", index, alias, mappingVersion);
    }

    /**
     * An index made from an older mapping keeps it (the template only shapes new indices), but its dynamic mapping is
     * strict: the fields it lacks (for version 3, {@code stemmed}; for version 4, {@code publisherTags},
     * {@code scoredKeywords} and {@code mentions}; for version 5, the Media Topic's {@code categoryCode},
     * {@code categoryName}, {@code topic}, {@code topicName} and the entity keys) are added to it, so that it goes on accepting every
     * document until a reindex replaces it. Adding fields is the one mapping change Elasticsearch allows in place.
     */
    private void acceptCurrentDocuments(String index, String template) throws IOException {
        var mapping = client.indices()
                .getMapping(m -> m.index(index))
                .mappings()
                .get(index)
                .mappings();
        var indexVersion = mapping.meta() == null || !mapping.meta().containsKey("mapping_version")
                ? "?"
                : mapping.meta().get("mapping_version").toJson().toString();
        var missing = json.createObjectNode();
        json.readTree(template)
                .path("template")
                .path("mappings")
                .path("properties")
                .properties()
                .forEach(field -> {
                    if (!mapping.properties().containsKey(field.getKey())) {
                        missing.set(field.getKey(), field.getValue());
                    }
                });
        if (!missing.isEmpty()) {
            var update = json.createObjectNode();
            update.set("properties", missing);
            client.indices()
                    .putMapping(p -> p.index(index).withJson(new StringReader(json.writeValueAsString(update))));
            log.warn(
                    "Index {} has mapping version {}, older than {}: added {} so that it accepts the documents written"
                            + " now; POST /api/v1/admin/reindex rebuilds it with mapping version {}",
                    index,
                    indexVersion,
                    mappingVersion,
                    missing.propertyNames(),
                    mappingVersion);
        }
    }

    private boolean nodeHasLanguageAnalyzers() throws IOException {
        try {
            client.indices().analyze(a -> a.analyzer("english").text("running"));
            return true;
        } catch (ElasticsearchException unknownAnalyzer) {
            return false;
        }
    }

    private String template() throws IOException {
        return template(json, mappingVersion, languageAnalysis);
    }

    /**
     * The versioned template resource. Without language analyzers {@code stemmed} stays a disabled object: the
     * documents may carry it, it is neither indexed nor kept in {@code _source}.
     */
    static String template(JsonMapper json, int mappingVersion, boolean languageAnalysis) throws IOException {
        try (var in = new ClassPathResource(TEMPLATE.formatted(mappingVersion)).getInputStream()) {
            var root = (ObjectNode) json.readTree(in);
            if (languageAnalysis) {
                var properties =
                        (ObjectNode) root.path("template").path("mappings").path("properties");
                var languages = properties.putObject("stemmed").putObject("properties");
                LanguageAnalyzers.BY_LANGUAGE.forEach((language, analyzer) -> {
                    var fields = languages.putObject(language).putObject("properties");
                    for (var field : List.of("title", "text")) {
                        fields.putObject(field).put("type", "text").put("analyzer", analyzer);
                    }
                });
            }
            return json.writeValueAsString(root);
        }
    }

    public String indexName(int version) {
        return alias + "-v" + version;
    }

    /** The index the alias points at now. */
    public Optional<String> currentIndex() throws IOException {
        var response = client.indices().getAlias(a -> a.name(alias));
        return response.aliases().keySet().stream().findFirst();
    }

    public int versionOf(String index) {
        var matcher = versionedName.matcher(index);
        if (!matcher.matches()) {
            throw new IllegalStateException("Index " + index + " is not named " + alias + "-v<N>");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Creates an empty index with the current mapping, replacing one of that name left by a failed rebuild. */
    public void createIndex(String index) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        client.indices().create(c -> c.index(index));
    }

    public void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    /** Makes what was just written searchable, for live alerts. */
    public void refreshAlias() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    /** Moves the alias from one index to the other in one atomic request: no search sees neither or both. */
    public void switchAlias(String from, String to) throws IOException {
        client.indices()
                .updateAliases(u -> u.actions(a -> a.remove(r -> r.index(from).alias(alias)))
                        .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
    }

    /** While an index is rebuilt, live writes go to it as well as through the alias. */
    public void addWriteTarget(String index) {
        extraWriteTargets.add(index);
    }

    public void removeWriteTarget(String index) {
        extraWriteTargets.remove(index);
    }

    /**
     * Writes the articles through the alias (and to any index being rebuilt) in bulk requests of at most the
     * configured size, and returns the items Elasticsearch refused. A version conflict is not a failure: it means the
     * index already holds this revision or a newer one.
     */
    public List<ItemFailure> write(List<Indexable> articles) throws IOException {
        var targets = new ArrayList<String>();
        targets.add(alias);
        targets.addAll(extraWriteTargets);
        return write(articles, targets, Refresh.False);
    }

    /** Writes to that index only (a rebuild), with the same per-item checks as {@link #write}. */
    public List<ItemFailure> writeTo(String index, List<Indexable> articles) throws IOException {
        return write(articles, List.of(index), Refresh.False);
    }

    private List<ItemFailure> write(List<Indexable> articles, Collection<String> targets, Refresh refresh)
            throws IOException {
        var failures = new ArrayList<ItemFailure>();
        var operations = new ArrayList<BulkOperation>();
        var positions = new ArrayList<Integer>();
        long bytes = 0;
        for (int position = 0; position < articles.size(); position++) {
            var article = articles.get(position);
            var document = article.document();
            for (var target : targets) {
                operations.add(BulkOperation.of(b -> b.index(i -> i.index(target)
                        .id(document.id())
                        .version(document.revision())
                        .versionType(VersionType.External)
                        .document(document))));
                positions.add(position);
            }
            bytes += (long) document.estimatedBytes() * targets.size();
            if (bytes >= maxBulkBytes) {
                failures.addAll(send(operations, positions, articles, refresh));
                operations.clear();
                positions.clear();
                bytes = 0;
            }
        }
        failures.addAll(send(operations, positions, articles, refresh));
        return failures;
    }

    private List<ItemFailure> send(
            List<BulkOperation> operations, List<Integer> positions, List<Indexable> articles, Refresh refresh)
            throws IOException {
        if (operations.isEmpty()) {
            return List.of();
        }
        var response = client.bulk(b -> b.operations(operations).refresh(refresh));
        if (!response.errors()) {
            return List.of();
        }
        var failures = new ArrayList<ItemFailure>();
        for (int i = 0; i < response.items().size(); i++) {
            var item = response.items().get(i);
            if (item.error() != null && item.status() != VERSION_CONFLICT) {
                var position = positions.get(i);
                failures.add(new ItemFailure(
                        position,
                        articles.get(position).event(),
                        item.status(),
                        abbreviate(item.error().type() + ": " + item.error().reason())));
            }
        }
        return failures;
    }

    // Elasticsearch quotes a preview of the offending value, which can be long.
    private static String abbreviate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500) + "...";
    }

    /** The articles searches see, for story look-ups of live indexing. */
    public StoredArticles stored() {
        return stored(alias);
    }

    /** The articles of one index (a rebuild), for story look-ups. */
    public StoredArticles stored(String index) {
        return new StoryLookups(client, index, merges());
    }

    /** The pointers from merged stories to the stories that survived, shared by every index version. */
    String merges() {
        return alias + "-story-merges";
    }

    /** One story of the articles searches see, or empty when no article is in it. */
    public Optional<StoryDetail> story(String storyId) throws IOException {
        return new StoryLookups(client, alias, merges()).story(storyId);
    }

    /** The given stories with the stories they were merged into (a story filter follows its story's merges). */
    public List<String> withSurvivingStories(Collection<String> storyIds) throws IOException {
        return new StoryLookups(client, alias, merges()).withSurviving(storyIds);
    }

    /**
     * The articles searches see that are most like the given one by the story clustering's representation, best
     * first; none when it has neither keywords nor entities, or nothing shares one.
     */
    public List<Alike> similar(ArticleDocument article, int size) throws IOException {
        return new StoryLookups(client, alias, merges()).similar(article, StorySimilarity.DEFAULT, size);
    }

    /** @param score the story similarity of the two articles, from 0 to 1 */
    public record Alike(ArticleDocument document, double score) {}

    /** The stories the articles have in the given index, by article id; none for those it lacks. */
    public Map<String, String> storiesIn(String index, Collection<String> articleIds) throws IOException {
        return new StoryLookups(client, index, merges()).stories(articleIds);
    }

    /** An enriched event with the document it becomes. */
    public record Indexable(ArticleEnriched event, ArticleDocument document) {

        public static Indexable of(ArticleEnriched event, String storyId) {
            return new Indexable(event, ArticleDocument.from(event, storyId));
        }
    }

    /** An item of a bulk request that Elasticsearch refused, by its position in the list written. */
    public record ItemFailure(int position, ArticleEnriched article, int status, String reason) {

        /**
         * Too many requests, the node in trouble, or writes blocked by an operator or a full disk: the same item may
         * well succeed later.
         */
        public boolean retriable() {
            return status == 429 || status >= 500 || reason.startsWith("cluster_block_exception");
        }
    }
}
