package io.newsflow.ingest.benchmark;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.EventHeaders;
import io.newsflow.events.Source;
import io.newsflow.ingest.IngestApplication;
import io.newsflow.testing.TestInfrastructure;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the batch endpoint gets BBC-sized articles (2-3 KB of synthetic text each) onto Kafka, against a plain
 * Kafka producer sending the same events to the same broker in the same run ({@code acks=all}, idempotent, with the
 * service's lz4 and linger). Rounds alternate between the two; the median of each is reported with their ratio.
 *
 * <p>Run it with {@code ./mvnw -q -B -pl ingest-service -am -Pbenchmark -DskipTests verify} (see the module's pom
 * for {@code -Dbenchmark.args}). Arguments, all optional:
 *
 * <ul>
 *   <li>{@code --bootstrap-servers=host:port}: the broker; default: the test infrastructure (the
 *       {@code NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS} environment variable, else a local broker it starts)
 *   <li>{@code --ingest-url=http://localhost:8081}: a running ingest service on that broker; default: one started
 *       as a process of its own (heap {@code --service-heap=512m}, as in compose) on topics of its own
 *   <li>{@code --articles=20000 --batch-size=500 --concurrency=8 --rounds=3 --partitions=3}
 *   <li>{@code --spring.*}, {@code --logging.*}, {@code --management.*} and {@code --newsflow.*}: passed on to the
 *       service it starts
 *   <li>{@code --service-jfr=file.jfr}: records the service with JFR's profile settings
 *   <li>{@code --warmup=N}: articles posted to each server before the rounds; default a quarter of {@code --articles}
 * </ul>
 *
 * <p>Each round also names the part of each server's CPU spent by its JIT compiler threads (read from {@code
 * /proc}, so on Linux only): compiling is a one-off cost that a short run charges to its articles, and the service
 * has far more code to compile than the bridge.
 */
public final class BatchIngestBenchmark {

    private static final JsonMapper json = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var articles = Integer.parseInt(options.getOrDefault("articles", "20000"));
        var batchSize = Integer.parseInt(options.getOrDefault("batch-size", "500"));
        var concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        var rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        var partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        var warmup = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(articles / 4)));
        var bootstrap =
                options.getOrDefault("bootstrap-servers", options.containsKey("ingest-url") ? "localhost:9092" : null);
        if (bootstrap == null) {
            bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        }
        var run = "bench-" + UUID.randomUUID().toString().substring(0, 8);

        Process service = null;
        var ingestUrl = options.get("ingest-url");
        if (ingestUrl == null) {
            var port = freePort();
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + options.getOrDefault("service-heap", "512m"),
                    options.containsKey("service-jfr")
                            ? "-XX:StartFlightRecording=settings=profile,filename=" + options.get("service-jfr")
                            : "-Dbenchmark.jfr=off",
                    "-cp",
                    System.getProperty("java.class.path"),
                    IngestApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--newsflow.topics.raw=" + run + ".raw",
                    "--newsflow.topics.ingest-state=" + run + ".ingest-state",
                    "--newsflow.topics.partitions=" + partitions));
            // Anything else of Spring's (--logging.level..., --spring.kafka.producer..., --management.metrics...) and
            // the
            // service's own settings (--newsflow.ingest...) go to the service.
            Arrays.stream(args)
                    .filter(arg -> arg.startsWith("--spring.")
                            || arg.startsWith("--logging.")
                            || arg.startsWith("--management.")
                            || arg.startsWith("--newsflow."))
                    .forEach(command::add);
            var log = Files.createTempFile("ingest-benchmark-service", ".log");
            service = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
            ingestUrl = "http://localhost:" + port;
            awaitReady(ingestUrl, service, log);
        }
        var endpointUrl = ingestUrl;
        var baselineTopic = run + ".baseline";
        createTopic(bootstrap, baselineTopic, partitions);

        System.out.printf(
                "Benchmark %s: %d articles per round in batches of %d, %d concurrent requests, %d rounds, broker %s,"
                        + " ingest %s%n",
                run, articles, batchSize, concurrency, rounds, bootstrap, ingestUrl);
        var text = new SyntheticText(42);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var bridgeProcess = startBridge(bootstrap, baselineTopic, options.getOrDefault("service-heap", "512m"));
        try (var producer = baselineProducer(bootstrap)) {
            var bridgeUrl = bridgeUrl(bridgeProcess);
            // Warm-up: JIT, connections, producer metadata on all sides.
            postBatches(http, ingestUrl, batches(text, run + "-warmup", warmup, batchSize), concurrency);
            postBatches(http, bridgeUrl, batches(text, run + "-warmup-bridge", warmup, batchSize), concurrency);
            sendPlain(producer, baselineTopic, events(text, run + "-warmup", warmup));
            if (service != null) {
                // What the service spends doing nothing (its consumers polling, schedulers), per second: part of
                // every article's CPU below, and none of the bridge's.
                var idleCpu = cpu(service);
                var idleJit = jitCpu(service);
                var idleStart = System.nanoTime();
                service.waitFor(10, TimeUnit.SECONDS);
                var idleSeconds = (System.nanoTime() - idleStart) / 1e9;
                // right after the warm-up the JIT compilers are still at work, idle or not
                System.out.printf(
                        "idle ingest service: %.1f ms CPU per second (of which JIT compiler threads %.1f ms)%n",
                        (cpu(service) - idleCpu) / 1e6 / idleSeconds, (jitCpu(service) - idleJit) / 1e6 / idleSeconds);
            }

            var endpointRates = new ArrayList<Double>();
            var producerRates = new ArrayList<Double>();
            var bridgeRates = new ArrayList<Double>();
            var endpointCpus = new ArrayList<Double>();
            var bridgeCpus = new ArrayList<Double>();
            var endpointJits = new ArrayList<Double>();
            var bridgeJits = new ArrayList<Double>();
            for (int round = 1; round <= rounds; round++) {
                var events = events(text, run + "-plain-" + round, articles);
                var producerCpu = ownCpu();
                var plain = rate(articles, () -> sendPlain(producer, baselineTopic, events));
                producerCpu = ownCpu() - producerCpu;
                var bodies = batches(text, run + "-http-" + round, articles, batchSize);
                var clientCpu = ownCpu();
                var serviceCpu = cpu(service);
                var serviceJit = jitCpu(service);
                var endpoint = rate(articles, () -> postBatches(http, endpointUrl, bodies, concurrency));
                clientCpu = ownCpu() - clientCpu;
                serviceCpu = cpu(service) - serviceCpu;
                serviceJit = jitCpu(service) - serviceJit;
                var bridgeBodies = batches(text, run + "-bridge-" + round, articles, batchSize);
                var bridgeClientCpu = ownCpu();
                var bridgeCpu = cpu(bridgeProcess);
                var bridgeJit = jitCpu(bridgeProcess);
                var bridged = rate(articles, () -> postBatches(http, bridgeUrl, bridgeBodies, concurrency));
                bridgeClientCpu = ownCpu() - bridgeClientCpu;
                bridgeCpu = cpu(bridgeProcess) - bridgeCpu;
                bridgeJit = jitCpu(bridgeProcess) - bridgeJit;
                endpointCpus.add(serviceCpu / 1000.0 / articles);
                bridgeCpus.add(bridgeCpu / 1000.0 / articles);
                endpointJits.add(serviceJit / 1000.0 / articles);
                bridgeJits.add(bridgeJit / 1000.0 / articles);
                producerRates.add(plain);
                endpointRates.add(endpoint);
                bridgeRates.add(bridged);
                System.out.printf(
                        "round %d: plain producer %,.0f articles/s, batch endpoint %,.0f articles/s (%.2fx), bare HTTP"
                                + " bridge %,.0f articles/s (%.2fx); CPU per article: plain producer %d us, HTTP client"
                                + " %d us, ingest service %s (JIT %d us), bare bridge %d us (JIT %d us, its HTTP client %d"
                                + " us)%n",
                        round,
                        plain,
                        endpoint,
                        endpoint / plain,
                        bridged,
                        bridged / plain,
                        producerCpu / 1000 / articles,
                        clientCpu / 1000 / articles,
                        service == null ? "(not measured)" : serviceCpu / 1000 / articles + " us",
                        serviceJit / 1000 / articles,
                        bridgeCpu / 1000 / articles,
                        bridgeJit / 1000 / articles,
                        bridgeClientCpu / 1000 / articles);
            }
            var plain = median(producerRates);
            var endpoint = median(endpointRates);
            var bridged = median(bridgeRates);
            System.out.printf(
                    "Throughput: plain producer %,.0f articles/s, batch endpoint %,.0f articles/s, ratio %.2fx; bare HTTP"
                            + " bridge %,.0f articles/s, ratio %.2fx (median of %d rounds, %d articles of ~%d bytes"
                            + " each)%n",
                    plain,
                    endpoint,
                    endpoint / plain,
                    bridged,
                    bridged / plain,
                    rounds,
                    articles,
                    SyntheticText.BODY_CHARACTERS);
            if (service != null) {
                // The figure the issue's target is about: server CPU per article, each server a process of its own,
                // with its idle threads (consumers, schedulers) included, against the bare bridge of the same run.
                var endpointCpu = median(endpointCpus);
                var bridgeCpu = median(bridgeCpus);
                System.out.printf(
                        "RESULT CPU per article: endpoint %.1f µs, bridge %.1f µs, ratio %.2fx (median of %d rounds;"
                                + " rounds %s)%n",
                        endpointCpu, bridgeCpu, endpointCpu / bridgeCpu, rounds, ratios(endpointCpus, bridgeCpus));
                // The same without the JIT compilers' CPU: what an article costs once the code is compiled, as in a
                // service that has run for a while.
                var endpointCompiled = minus(endpointCpus, endpointJits);
                var bridgeCompiled = minus(bridgeCpus, bridgeJits);
                System.out.printf(
                        "RESULT without JIT compiler threads: endpoint %.1f µs, bridge %.1f µs, ratio %.2fx (JIT median"
                                + " %.1f µs and %.1f µs; rounds %s)%n",
                        median(endpointCompiled),
                        median(bridgeCompiled),
                        median(endpointCompiled) / median(bridgeCompiled),
                        median(endpointJits),
                        median(bridgeJits),
                        ratios(endpointCompiled, bridgeCompiled));
            }
        } finally {
            bridgeProcess.destroy();
            if (service != null) {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    private static String ratios(List<Double> endpoint, List<Double> bridge) {
        var ratios = new ArrayList<String>();
        for (int i = 0; i < endpoint.size(); i++) {
            ratios.add(String.format("%.2fx", endpoint.get(i) / bridge.get(i)));
        }
        return String.join(" ", ratios);
    }

    private static Process startBridge(String bootstrap, String topic, String heap) throws Exception {
        var process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HttpBridge.class.getName(),
                        bootstrap,
                        topic)
                .redirectErrorStream(true)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process;
    }

    /** Reads the bridge's output until it names its URL; the rest of its output is drained and dropped. */
    private static String bridgeUrl(Process bridge) throws Exception {
        var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8));
        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("BRIDGE ")) {
                var drain = new Thread(() -> lines.lines().forEach(ignored -> {}));
                drain.setDaemon(true);
                drain.start();
                return line.substring("BRIDGE ".length());
            }
        }
        throw new IllegalStateException("The bridge exited before it listened");
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(String ingestUrl, Process service, Path log) throws Exception {
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create(ingestUrl + "/actuator/health/readiness"))
                .build();
        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The ingest service exited; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYetListening) {
                // the service is still starting
            }
            service.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("The ingest service was not ready within 3 minutes; see " + log);
    }

    /** CPU time of this JVM, in nanoseconds. */
    private static long ownCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the service process, in nanoseconds, or 0 for a service this harness did not start. */
    private static long cpu(Process service) {
        return service == null
                ? 0
                : service.toHandle()
                        .info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toNanos)
                        .orElse(0L);
    }

    private static List<Double> minus(List<Double> values, List<Double> parts) {
        var rest = new ArrayList<Double>(values.size());
        for (int i = 0; i < values.size(); i++) {
            rest.add(values.get(i) - parts.get(i));
        }
        return rest;
    }

    /**
     * CPU time of a process's JIT compiler threads, in nanoseconds, from {@code /proc/<pid>/task/*}: 0 where there is
     * no {@code /proc}. A compiler thread that ended is missed; with the one C1 and one C2 thread a JVM starts on two
     * cores, none ends.
     */
    private static long jitCpu(Process process) {
        if (process == null) {
            return 0;
        }
        var ticks = 0L;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (var task : (Iterable<Path>) tasks::iterator) {
                try {
                    // the thread's name, cut to 15 characters: "C2 CompilerThre"
                    if (!Files.readString(task.resolve("comm")).matches("C\\d CompilerThre\\s*")) {
                        continue;
                    }
                    // utime and stime, the 14th and 15th fields, counted after the name in parentheses
                    var stat = Files.readString(task.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        // clock ticks of USER_HZ, 100 per second on Linux
        return ticks * 10_000_000L;
    }

    interface Work {
        void run() throws Exception;
    }

    private static double rate(int articles, Work work) throws Exception {
        var started = System.nanoTime();
        work.run();
        return articles / ((System.nanoTime() - started) / 1e9);
    }

    private static void postBatches(HttpClient http, String ingestUrl, List<byte[]> bodies, int concurrency)
            throws Exception {
        var next = new AtomicInteger();
        var uri = URI.create(ingestUrl + "/api/v1/articles/batch");
        try (var workers = Executors.newFixedThreadPool(concurrency)) {
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < concurrency; i++) {
                done.add(workers.submit(() -> {
                    for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
                        var response = http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        var accepted =
                                json.readTree(response.body()).path("accepted").asInt();
                        if (response.statusCode() != 202 || accepted == 0) {
                            throw new IllegalStateException(
                                    "Batch " + b + " answered " + response.statusCode() + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        }
    }

    private static void sendPlain(KafkaProducer<String, byte[]> producer, String topic, List<ArticleIngested> events)
            throws Exception {
        var acks = new ArrayList<Future<RecordMetadata>>(events.size());
        for (var event : events) {
            var record = new ProducerRecord<>(topic, event.articleId(), json.writeValueAsBytes(event));
            record.headers()
                    .add(EventHeaders.EVENT_TYPE, ArticleIngested.TYPE.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        for (var ack : acks) {
            ack.get(2, TimeUnit.MINUTES);
        }
    }

    private static List<byte[]> batches(SyntheticText text, String prefix, int articles, int batchSize) {
        var bodies = new ArrayList<byte[]>();
        for (int start = 0; start < articles; start += batchSize) {
            var batch = new ArrayList<Map<String, Object>>();
            for (int i = start; i < Math.min(articles, start + batchSize); i++) {
                var article = text.article(prefix, i);
                batch.add(Map.of(
                        "title", article.title(),
                        "body", article.body(),
                        "url", article.url(),
                        "authors", article.authors(),
                        "publishedAt", article.publishedAt().toString(),
                        "source", Map.of("name", "Synthetic News", "domain", "synthetic.example")));
            }
            bodies.add(json.writeValueAsBytes(batch));
        }
        return bodies;
    }

    private static List<ArticleIngested> events(SyntheticText text, String prefix, int articles) {
        var source = Source.pushed("Synthetic News", "synthetic.example");
        var events = new ArrayList<ArticleIngested>(articles);
        for (int i = 0; i < articles; i++) {
            var article = text.article(prefix, i);
            events.add(ArticleIngested.of(
                    UUID.nameUUIDFromBytes(article.url().getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .replace("-", ""),
                    1,
                    Instant.now(),
                    "sha256:" + Integer.toHexString(article.body().hashCode()),
                    source,
                    article));
        }
        return events;
    }

    /** The producer settings of the ingest service's application.yaml. */
    static KafkaProducer<String, byte[]> baselineProducer(String bootstrap) {
        var config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        var config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        Arrays.stream(args)
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .forEach(arg -> options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)));
        return options;
    }

    /** Pronounceable nonsense in sentences and paragraphs, ~2.5 KB per article, reproducible from a seed. */
    static final class SyntheticText {

        static final int BODY_CHARACTERS = 2_500;
        private static final String[] SYLLABLES = {
            "ka", "lo", "mi", "ren", "tor", "sa", "vel", "du", "an", "pre", "sto", "li", "mon", "ge", "ra", "ti", "bel",
            "no", "cus", "ha", "den", "fi", "quo", "ter", "wal", "ys", "zo", "min", "pa", "er"
        };

        private final Random random;

        SyntheticText(long seed) {
            this.random = new Random(seed);
        }

        Article article(String prefix, int index) {
            var title = capitalise(sentence(6 + random.nextInt(6)));
            var body = new StringBuilder(BODY_CHARACTERS + 200);
            while (body.length() < BODY_CHARACTERS) {
                body.append(capitalise(sentence(8 + random.nextInt(14)))).append(". ");
                if (random.nextInt(5) == 0) {
                    body.append("\n\n");
                }
            }
            return new Article(
                    title,
                    body.toString().strip(),
                    "https://synthetic.example/" + prefix + "/" + index,
                    null,
                    List.of(capitalise(word()) + " " + capitalise(word())),
                    Instant.parse("2025-03-01T08:00:00Z").plusSeconds(index),
                    null,
                    "en",
                    List.of(),
                    null);
        }

        private String sentence(int words) {
            var sentence = new StringBuilder();
            for (int i = 0; i < words; i++) {
                sentence.append(i == 0 ? "" : " ").append(word());
            }
            return sentence.toString();
        }

        private String word() {
            var word = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            return word.toString();
        }

        private static String capitalise(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    private BatchIngestBenchmark() {}
}
