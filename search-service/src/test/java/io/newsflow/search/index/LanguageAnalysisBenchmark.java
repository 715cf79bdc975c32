package io.newsflow.search.index;

import io.newsflow.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the stemmed language sub-fields cost at indexing time, each variant against the plain mapping in the same run
 * on the same node: the article template without language sub-fields (the baseline), with all seven (what
 * {@link ArticleIndex} does where the node has language analyzers: every article analysed seven more times), and with
 * one (what indexing each article only into its own language would cost). The same English articles, bulk requests of
 * 500 from one client, a fresh index per round, rounds interleaved; the median rate per variant.
 *
 * <p>Run with {@code search-service/analysis-benchmark.sh [--articles 20000] [--rounds 3]}; it uses the Elasticsearch
 * named by {@code NEWSFLOW_TEST_ELASTICSEARCH_URL} or starts its own (with our language analysis plugin locally).
 */
public final class LanguageAnalysisBenchmark {

    private static final int MAPPING_VERSION = 2;
    private static final int BULK_SIZE = 500;
    private static final Pattern STORE_SIZE =
            Pattern.compile("\"store\"\\s*:\\s*\\{\\s*\"size_in_bytes\"\\s*:\\s*(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] WORDS =
            ("flood floods flooded flooding village villages river rivers rise rising rose government minister "
                            + "ministers said says saying report reports reported election elections vote voting voters "
                            + "market markets price prices rising fall falling fell company companies plan plans planned "
                            + "police investigation investigating investigated court courts ruling ruled team teams "
                            + "match matches played playing player players win winning won the a of in on for with "
                            + "after before during against between city cities country countries people residents "
                            + "emergency services rescue rescued rescuing storm storms weather forecast warning warned "
                            + "health hospital hospitals patient patients doctor doctors bank banks interest rates "
                            + "energy power supply supplies budget spending taxes school schools teacher teachers")
                    .split(" ");

    private LanguageAnalysisBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = option(args, "--articles", 20_000);
        int rounds = option(args, "--rounds", 3);
        var elasticsearch = TestInfrastructure.get().elasticsearchUrl();
        var documents = documents(articles);
        var variants = new LinkedHashMap<String, String>();
        variants.put("standard analysis only (baseline)", ArticleIndex.template(JSON, MAPPING_VERSION, false));
        variants.put("all 7 language sub-fields (now)", ArticleIndex.template(JSON, MAPPING_VERSION, true));
        variants.put(
                "1 language sub-field (own language only)",
                onlyEnglish(ArticleIndex.template(JSON, MAPPING_VERSION, true)));
        var rates = new LinkedHashMap<String, List<Double>>();
        var sizes = new LinkedHashMap<String, Long>();
        variants.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        index(elasticsearch, variants.values().iterator().next(), documents.subList(0, Math.min(2_000, articles)));
        for (int round = 0; round < rounds; round++) {
            for (var variant : variants.entrySet()) {
                var result = index(elasticsearch, variant.getValue(), documents);
                rates.get(variant.getKey()).add(result[0]);
                sizes.put(variant.getKey(), (long) result[1]);
            }
        }
        var baseline = median(rates.values().iterator().next());
        System.out.printf(
                "Indexing %d English articles (%d words each), bulk %d, %d rounds, on %s (%s)%n",
                articles,
                300,
                BULK_SIZE,
                rounds,
                elasticsearch,
                TestInfrastructure.get().provider());
        rates.forEach((name, values) -> System.out.printf(
                "  %-42s %8.0f docs/s  %.2fx the baseline  store %,d bytes  (rounds: %s)%n",
                name,
                median(values),
                median(values) / baseline,
                sizes.get(name),
                values.stream().map(v -> "%.0f".formatted(v)).toList()));
    }

    /** Indexes the documents into a fresh index with the template's settings and mapping: docs/s and store bytes. */
    private static double[] index(String elasticsearch, String template, List<String> documents) throws Exception {
        var index = "analysis-benchmark-" + UUID.randomUUID().toString().substring(0, 8);
        var body = JSON.readTree(template).path("template");
        send(elasticsearch, "PUT", "/" + index, JSON.writeValueAsString(body), "application/json");
        try {
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += BULK_SIZE) {
                var bulk = new StringBuilder();
                for (var document : documents.subList(from, Math.min(from + BULK_SIZE, documents.size()))) {
                    bulk.append("{\"index\":{}}\n").append(document).append('\n');
                }
                var response =
                        send(elasticsearch, "POST", "/" + index + "/_bulk", bulk.toString(), "application/x-ndjson");
                if (response.contains("\"errors\":true")) {
                    throw new IllegalStateException(
                            "Bulk errors: " + response.substring(0, Math.min(1_000, response.length())));
                }
            }
            send(elasticsearch, "POST", "/" + index + "/_refresh", "", "application/json");
            double rate = documents.size() / ((System.nanoTime() - start) / 1e9);
            send(elasticsearch, "POST", "/" + index + "/_flush", "", "application/json");
            Matcher size = STORE_SIZE.matcher(send(elasticsearch, "GET", "/" + index + "/_stats/store", null, null));
            return new double[] {rate, size.find() ? Double.parseDouble(size.group(1)) : -1};
        } finally {
            send(elasticsearch, "DELETE", "/" + index, null, null);
        }
    }

    private static String onlyEnglish(String template) {
        var root = (ObjectNode) JSON.readTree(template);
        var properties = (ObjectNode) root.path("template").path("mappings").path("properties");
        for (var field : List.of("title", "text")) {
            var fields = (ObjectNode) properties.path(field).path("fields");
            ArticleIndex.LANGUAGE_ANALYZERS.keySet().stream()
                    .filter(language -> !language.equals("en"))
                    .forEach(fields::remove);
        }
        return JSON.writeValueAsString(root);
    }

    private static List<String> documents(int count) {
        var random = new Random(42);
        var documents = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            documents.add(JSON.writeValueAsString(Map.of(
                    "id",
                    "a" + i,
                    "revision",
                    1,
                    "title",
                    words(random, 10),
                    "text",
                    words(random, 300),
                    "language",
                    "en",
                    "publishedAt",
                    "2025-03-01T08:00:00Z")));
        }
        return documents;
    }

    private static String words(Random random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : (i % 15 == 0 ? ". " : " ")).append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String send(String base, String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " gave " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
