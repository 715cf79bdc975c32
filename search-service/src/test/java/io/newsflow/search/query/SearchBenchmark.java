package io.newsflow.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonpUtils;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import io.newsflow.search.EnrichedTopic;
import io.newsflow.search.SearchApplication;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service's speed against a baseline measured in the same run, on the same Kafka and Elasticsearch:
 *
 * <ol>
 *   <li>indexing: the same enriched articles consumed from Kafka and indexed by the service, against the same
 *       documents sent straight to Elasticsearch in plain bulk requests of the same size (target: at least 0.8x),
 *       after the same warm-up on both paths, the two taking turns in rounds so that both meet the same load;
 *   <li>searching: with at least 100,000 articles indexed, a faceted search by 20 concurrent clients through the
 *       HTTP API, against the very request the service sends, posted straight to Elasticsearch (target: p99 within
 *       1.3x).
 * </ol>
 *
 * Run with {@code search-service/benchmark.sh [--articles N] [--warmup N] [--rounds N] [--corpus N] [--requests N]
 * [--indexing-only]}; it uses the Kafka and Elasticsearch named by {@code NEWSFLOW_TEST_*} or starts its own, and
 * writes the figures to {@code search-service/target/benchmark-results.txt}.
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BULK = 1_000;
    private static final int CLIENTS = 20;
    private static final int WARMUP_PER_CLIENT = 10;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Arrays.asList(args);
        int articles = option(options, "--articles", 20_000);
        int corpus = Math.max(option(options, "--corpus", 100_000), articles);
        int requests = option(options, "--requests", 100);
        var fingerprints = !options.contains("--no-fingerprints");
        var indexingOnly = options.contains("--indexing-only");
        int warmup = option(options, "--warmup", 10_000);
        int rounds = option(options, "--rounds", 4);
        var infrastructure = TestInfrastructure.get();
        var run = "bench" + System.currentTimeMillis();
        var topic = run + ".enriched";
        var alias = run + "-articles";
        var corpusGenerator = new Corpus(42, fingerprints);
        var report = new StringBuilder();

        var settings = Map.of(
                "server.port",
                "0",
                "spring.kafka.bootstrap-servers",
                infrastructure.kafkaBootstrapServers(),
                "spring.elasticsearch.uris",
                infrastructure.elasticsearchUrl(),
                "newsflow.topics.enriched",
                topic,
                "newsflow.search.index.alias",
                alias,
                "spring.kafka.consumer.group-id",
                run,
                "spring.kafka.listener.auto-startup",
                "false",
                "logging.level.root",
                "WARN");
        // as arguments: default properties would lose to application.yaml
        var arguments = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (var app = new SpringApplicationBuilder(SearchApplication.class, EnrichedTopic.class).run(arguments)) {
            var client = app.getBean(ElasticsearchClient.class);
            var events = corpusGenerator.events(0, articles);

            // (a) indexing
            var container = app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("index");
            var partitions = app.getBean(io.newsflow.search.SearchProperties.class)
                    .topics()
                    .partitions();
            var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            // the service's own counter, bumped when Elasticsearch confirmed a batch: polling the group's offsets
            // with an admin client would cost the two cores more than it measures
            var indexed = meters.get("newsflow.search.indexed").counter();
            var direct = alias + "-v900";
            client.indices().create(c -> c.index(direct));
            // Both paths first index the same warm-up articles (other ids): the service runs first, so without this
            // it alone would pay for cold code (JIT), fresh connections and the node's first searches on the index.
            if (warmup > 0) {
                var warmupEvents = corpusGenerator.events(corpus, warmup);
                produce(infrastructure.kafkaBootstrapServers(), topic, warmupEvents);
                startAndAwaitAssignment(container, partitions);
                while (indexed.count() < warmup) {
                    Thread.sleep(5);
                }
                container.stop();
                bulk(client, direct, warmupEvents);
            }
            var batches = meters.get("newsflow.search.batch.size").summary();
            var batchTime = meters.get("newsflow.search.batch.duration").timer();
            var batchesBefore = batches.count();
            var batchArticlesBefore = batches.totalAmount();
            var batchSecondsBefore = batchTime.totalTime(java.util.concurrent.TimeUnit.SECONDS);
            // The load of a shared machine swings within seconds: the paths take turns in rounds, each round's
            // articles through one path and then the other, the order alternating, so that both meet the same load.
            var bootstrap = infrastructure.kafkaBootstrapServers();
            var serviceSeconds = 0.0;
            var directSeconds = 0.0;
            var serviceCpu = new Cpu(0, 0);
            var directCpu = new Cpu(0, 0);
            var roundRatios = new ArrayList<String>();
            for (int round = 0; round < rounds; round++) {
                var slice = events.subList(round * articles / rounds, (round + 1) * articles / rounds);
                var target = warmup + (round + 1) * articles / rounds;
                double service = 0;
                double plain = 0;
                for (var servicePath : round % 2 == 0 ? List.of(true, false) : List.of(false, true)) {
                    if (servicePath) {
                        produce(bootstrap, topic, slice);
                    }
                    awaitNoMerges(client);
                    if (servicePath) {
                        // timed from the partition assignment: joining the group is start-up, not indexing
                        startAndAwaitAssignment(container, partitions);
                    }
                    var cpu = Cpu.now(client);
                    var started = System.nanoTime();
                    if (servicePath) {
                        while (indexed.count() < target) {
                            Thread.sleep(5);
                        }
                        service = seconds(started);
                        serviceCpu = serviceCpu.plus(Cpu.now(client).minus(cpu));
                        container.stop();
                    } else {
                        bulk(client, direct, slice);
                        plain = seconds(started);
                        directCpu = directCpu.plus(Cpu.now(client).minus(cpu));
                    }
                }
                serviceSeconds += service;
                directSeconds += plain;
                roundRatios.add("%.2f".formatted(plain / service));
            }
            var serviceRate = articles / serviceSeconds;
            var directRate = articles / directSeconds;
            line(
                    report,
                    "Indexing %,d enriched articles (bulk of %,d) in %d alternating rounds, after %,d warm-up articles"
                            + " on each path",
                    articles,
                    BULK,
                    rounds,
                    warmup);
            line(
                    report,
                    "  service (Kafka -> listener -> bulk): %,.0f articles/s (%.1f s; CPU: this JVM %.1f s,"
                            + " Elasticsearch %.1f s)",
                    serviceRate,
                    serviceSeconds,
                    serviceCpu.jvmSeconds(),
                    serviceCpu.elasticsearchSeconds());
            line(
                    report,
                    "  direct plain bulk requests:          %,.0f articles/s (%.1f s; CPU: this JVM %.1f s,"
                            + " Elasticsearch %.1f s)",
                    directRate,
                    directSeconds,
                    directCpu.jvmSeconds(),
                    directCpu.elasticsearchSeconds());
            var timedBatches = batches.count() - batchesBefore;
            line(
                    report,
                    "  service batches: %d, mean %.0f articles, mean %.0f ms each",
                    timedBatches,
                    (batches.totalAmount() - batchArticlesBefore) / timedBatches,
                    (batchTime.totalTime(java.util.concurrent.TimeUnit.SECONDS) - batchSecondsBefore)
                            * 1_000
                            / timedBatches);
            var loadAverage = Path.of("/proc/loadavg");
            if (Files.isReadable(loadAverage)) {
                line(report, "  load average: %s", Files.readString(loadAverage).strip());
            }
            line(
                    report,
                    "  ratio service/direct: %.2fx (target >= 0.80x); by round: %s",
                    serviceRate / directRate,
                    String.join(", ", roundRatios));

            var benchIndices = new ArrayList<>(
                    client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
            benchIndices.add(direct);
            if (indexingOnly) {
                client.indices().delete(d -> d.index(benchIndices));
                write(report);
                System.exit(0);
            }

            // (b) searching
            for (int from = articles; from < corpus; from += 10_000) {
                bulk(client, alias, corpusGenerator.events(from, Math.min(10_000, corpus - from)));
            }
            client.indices().refresh(r -> r.index(alias));
            var corpusSize = client.count(c -> c.index(alias)).count();
            var search = app.getBean(ArticleSearch.class);
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var queries = corpusGenerator.queries();
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            IntFunction<HttpRequest> viaApi =
                    i -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search?"
                                    + queries.get(i % queries.size()).parameters()))
                            .build();
            var bodies = queries.stream()
                    .map(q -> JsonpUtils.toJsonString(search.request(q.query()), client._jsonpMapper()))
                    .toList();
            IntFunction<HttpRequest> viaElasticsearch = i -> HttpRequest.newBuilder(
                            URI.create(infrastructure.elasticsearchUrl() + "/" + alias + "/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
                    .build();
            checkSameTotals(http, viaApi.apply(0), viaElasticsearch.apply(0));
            load(http, viaElasticsearch, WARMUP_PER_CLIENT);
            load(http, viaApi, WARMUP_PER_CLIENT);
            var directLatencies = load(http, viaElasticsearch, requests);
            var apiLatencies = load(http, viaApi, requests);
            line(
                    report,
                    "Faceted search, %d clients x %d requests, %,d articles indexed",
                    CLIENTS,
                    requests,
                    corpusSize);
            line(
                    report,
                    "  direct Elasticsearch: p50 %.1f ms, p99 %.1f ms",
                    pct(directLatencies, 50),
                    pct(directLatencies, 99));
            line(
                    report,
                    "  through the API:      p50 %.1f ms, p99 %.1f ms",
                    pct(apiLatencies, 50),
                    pct(apiLatencies, 99));
            line(
                    report,
                    "  ratio API/direct: p50 %.2fx, p99 %.2fx (target p99 <= 1.30x)",
                    pct(apiLatencies, 50) / pct(directLatencies, 50),
                    pct(apiLatencies, 99) / pct(directLatencies, 99));
            client.indices().delete(d -> d.index(benchIndices));
        }
        write(report);
        System.exit(0);
    }

    private static void write(StringBuilder report) throws IOException {
        var out = Path.of("search-service/target/benchmark-results.txt");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, report);
        }
    }

    private static void startAndAwaitAssignment(
            org.springframework.kafka.listener.MessageListenerContainer container, int partitions)
            throws InterruptedException {
        container.start();
        while (container.getAssignedPartitions() == null
                || container.getAssignedPartitions().size() < partitions) {
            Thread.sleep(10);
        }
    }

    /**
     * Waits until the node merges no segments: merges that one phase's writes set off would otherwise run, and be
     * counted, in the next phase.
     */
    private static void awaitNoMerges(ElasticsearchClient client) throws IOException, InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.indices()
                                .stats(s -> s.metric("merge"))
                                .all()
                                .total()
                                .merges()
                                .current()
                        > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** CPU time used so far by this JVM (the service and the direct client) and by the Elasticsearch node. */
    private record Cpu(double jvmSeconds, double elasticsearchSeconds) {

        static Cpu now(ElasticsearchClient client) throws IOException {
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            var nodes = client.nodes().stats(s -> s.metric("process")).nodes().values();
            var elasticsearch = nodes.stream()
                    .mapToLong(node -> node.process().cpu().totalInMillis())
                    .sum();
            return new Cpu(os.getProcessCpuTime() / 1e9, elasticsearch / 1e3);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvmSeconds - earlier.jvmSeconds, elasticsearchSeconds - earlier.elasticsearchSeconds);
        }

        Cpu plus(Cpu other) {
            return new Cpu(jvmSeconds + other.jvmSeconds, elasticsearchSeconds + other.elasticsearchSeconds);
        }
    }

    private static void produce(String bootstrap, String topic, List<ArticleEnriched> events) throws Exception {
        var config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (var event : events) {
                producer.send(new ProducerRecord<>(topic, event.articleId(), JSON.writeValueAsString(event)));
            }
            producer.flush();
        }
    }

    private static void bulk(ElasticsearchClient client, String index, List<ArticleEnriched> events)
            throws IOException {
        for (int from = 0; from < events.size(); from += BULK) {
            var operations = events.subList(from, Math.min(from + BULK, events.size())).stream()
                    .map(event -> ArticleDocument.from(event, event.articleId()))
                    .map(document -> BulkOperation.of(b -> b.index(i -> i.index(index)
                            .id(document.id())
                            .version(document.revision())
                            .versionType(VersionType.External)
                            .document(document))))
                    .toList();
            var response = client.bulk(b -> b.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("bulk refused items into " + index);
            }
        }
    }

    private static void checkSameTotals(HttpClient http, HttpRequest api, HttpRequest direct) throws Exception {
        var viaApi = JSON.readTree(
                http.send(api, HttpResponse.BodyHandlers.ofString()).body());
        var viaDirect = JSON.readTree(
                http.send(direct, HttpResponse.BodyHandlers.ofString()).body());
        var apiTotal = viaApi.path("total").asLong();
        var directTotal = viaDirect.path("hits").path("total").path("value").asLong();
        if (apiTotal != directTotal || apiTotal == 0) {
            throw new IllegalStateException("API and direct query differ: " + apiTotal + " vs " + directTotal);
        }
    }

    /** Every client sends its requests one after the other; the answer is every request's latency in ms. */
    private static double[] load(HttpClient http, IntFunction<HttpRequest> requests, int perClient)
            throws InterruptedException {
        var latencies = new CopyOnWriteArrayList<Double>();
        var done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int clientNumber = c;
            Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perClient; i++) {
                        var request = requests.apply(clientNumber * perClient + i);
                        var started = System.nanoTime();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - started) / 1e6);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + ": " + response.body());
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double pct(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void line(StringBuilder report, String format, Object... values) {
        var line = format.formatted(values);
        System.out.println(line);
        report.append(line).append('\n');
    }

    private static int option(List<String> options, String name, int defaultValue) {
        var at = options.indexOf(name);
        return at < 0 ? defaultValue : Integer.parseInt(options.get(at + 1));
    }

    /** Synthetic but newsroom-shaped articles: skewed word, tag and entity frequencies, three months of dates. */
    static final class Corpus {

        private static final List<String> SOURCES = List.of(
                "BBC News",
                "Reuters",
                "Tagesschau",
                "Le Monde",
                "El País",
                "AP",
                "The Guardian",
                "Der Spiegel",
                "NOS",
                "RTÉ",
                "Politico",
                "Bloomberg",
                "Al Jazeera",
                "Euronews",
                "CNN",
                "NPR",
                "Kyiv Independent",
                "France 24",
                "DW",
                "ANSA");
        private static final List<String> CATEGORIES =
                List.of("world", "politics", "business", "technology", "science", "health", "sport", "culture");
        private static final List<String> LANGUAGES = List.of("en", "en", "en", "de", "fr", "es");
        private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

        private final long seed;
        private final boolean fingerprints;
        private final List<String> vocabulary = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        Corpus(long seed, boolean fingerprints) {
            this.seed = seed;
            this.fingerprints = fingerprints;
            var random = new Random(seed);
            var syllables = List.of(
                    "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "pa", "re", "to", "li", "ma", "ne", "sa");
            for (int i = 0; i < 2_000; i++) {
                var word = new StringBuilder();
                for (int s = 0; s < 2 + random.nextInt(3); s++) {
                    word.append(syllables.get(random.nextInt(syllables.size())));
                }
                vocabulary.add(word.toString());
            }
            for (int i = 0; i < 200; i++) {
                tags.add("tag-" + vocabulary.get(i * 7));
            }
            for (int i = 0; i < 500; i++) {
                names.add(capitalise(vocabulary.get(i * 3)) + " " + capitalise(vocabulary.get(i * 3 + 1)));
            }
        }

        List<ArticleEnriched> events(int from, int count) {
            var events = new ArrayList<ArticleEnriched>(count);
            for (int i = from; i < from + count; i++) {
                events.add(event(i));
            }
            return events;
        }

        private ArticleEnriched event(int number) {
            var random = new Random(seed * 31 + number);
            var id = UUID.nameUUIDFromBytes(("bench-" + number).getBytes(StandardCharsets.UTF_8))
                    .toString()
                    .replace("-", "");
            var title = sentence(random, 8);
            var text = new StringBuilder();
            for (int s = 0; s < 10; s++) {
                text.append(sentence(random, 14)).append(' ');
            }
            // news arrives roughly in publication order: about 1,100 articles a day
            var published = START.plus(Duration.ofSeconds(number * 78L + random.nextInt(3_600)));
            var ingested = new ArticleIngested(
                    UUID.randomUUID().toString(),
                    1,
                    id,
                    1,
                    published,
                    "h",
                    Source.pushed(pick(random, SOURCES), "example.com"),
                    new Article(
                            title,
                            text.toString(),
                            "https://example.com/" + id,
                            null,
                            List.of(),
                            published,
                            null,
                            null,
                            List.of(),
                            null));
            return ArticleEnriched.from(
                    ingested,
                    new Enrichment(
                            pick(random, LANGUAGES),
                            text.toString(),
                            List.of(new Enrichment.Keyword(skewed(random, vocabulary), 0.5)),
                            entities(random, 2),
                            entities(random, 2),
                            entities(random, 1),
                            new Enrichment.Category(pick(random, CATEGORIES), 0.8),
                            List.of(skewed(random, tags), skewed(random, tags), skewed(random, tags)),
                            sentence(random, 14),
                            sentence(random, 30),
                            150,
                            1,
                            fingerprints ? "%016x".formatted(random.nextLong()) : null,
                            List.of()));
        }

        /** Ten faceted searches over common words, some with a filter, the same for both paths. */
        List<Query> queries() {
            var queries = new ArrayList<Query>();
            for (int i = 0; i < 10; i++) {
                var word = vocabulary.get(i);
                var query = SearchQuery.of(word);
                var parameters = "q=" + word;
                if (i % 2 == 1) {
                    var category = CATEGORIES.get(i % CATEGORIES.size());
                    query = new SearchQuery(
                            word,
                            Map.of(SearchQuery.Filter.CATEGORY, List.of(category)),
                            null,
                            null,
                            Sort.RELEVANCE,
                            20,
                            1,
                            null,
                            SearchQuery.Interval.DAY);
                    parameters += "&category=" + URLEncoder.encode(category, StandardCharsets.UTF_8);
                }
                queries.add(new Query(query, parameters));
            }
            return queries;
        }

        private String sentence(Random random, int words) {
            var sentence = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sentence.append(w == 0 ? "" : " ").append(skewed(random, vocabulary));
            }
            return capitalise(sentence.toString()) + ".";
        }

        private List<Enrichment.Entity> entities(Random random, int count) {
            var entities = new ArrayList<Enrichment.Entity>();
            for (int i = 0; i < count; i++) {
                entities.add(new Enrichment.Entity(skewed(random, names), 1 + random.nextInt(3)));
            }
            return entities;
        }

        // a few values are frequent, most are rare, as in news
        private static String skewed(Random random, List<String> values) {
            var r = random.nextDouble();
            return values.get((int) (values.size() * r * r * r));
        }

        private static <T> T pick(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static String capitalise(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }

        record Query(SearchQuery query, String parameters) {}
    }
}
