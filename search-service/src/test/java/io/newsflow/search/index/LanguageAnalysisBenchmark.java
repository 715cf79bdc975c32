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
 * What stemming costs at indexing time, each variant against the plain mapping in the same run on the same node: the
 * article template without language analysis (the baseline: documents without the stemmed copy), mapping version 2
 * (title and text with seven stemmed sub-fields: every article analysed seven more times), mapping version 3 as
 * {@link ArticleIndex} puts it where the node has language analyzers (each article carries a copy of its title and
 * text under {@code stemmed.<its language>}, analysed once, kept out of {@code _source}), and version 3 where the node
 * lacks them (the copy is sent but not indexed). The same English articles, bulk requests of 500 from one client, a
 * fresh index per round, rounds interleaved; the median rate per variant.
 *
 * <p>Run with {@code search-service/analysis-benchmark.sh [--articles 20000] [--rounds 3]}; it uses the Elasticsearch
 * named by {@code NEWSFLOW_TEST_ELASTICSEARCH_URL} or starts its own (with our language analysis plugin locally).
 */
public final class LanguageAnalysisBenchmark {

    private static final int MAPPING_VERSION = 4;
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
        var plain = documents(articles, false);
        var stemmed = documents(articles, true);
        var variants = new LinkedHashMap<String, Variant>();
        var standard = ArticleIndex.template(JSON, MAPPING_VERSION, false);
        variants.put("standard analysis only (baseline)", new Variant(standard, plain));
        variants.put("7 stemmed sub-fields (mapping v2)", new Variant(sevenSubFields(standard), plain));
        variants.put(
                "own language only (mapping v3)",
                new Variant(ArticleIndex.template(JSON, MAPPING_VERSION, true), stemmed));
        variants.put("v3 on a node without analyzers", new Variant(standard, stemmed));
        var rates = new LinkedHashMap<String, List<Double>>();
        var sizes = new LinkedHashMap<String, Long>();
        variants.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        index(elasticsearch, standard, plain.subList(0, Math.min(2_000, articles)));
        for (int round = 0; round < rounds; round++) {
            for (var variant : variants.entrySet()) {
                var result = index(
                        elasticsearch,
                        variant.getValue().template(),
                        variant.getValue().documents());
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
                "  %-36s %8.0f docs/s  %.2fx the baseline  store %,d bytes  (rounds: %s)%n",
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

    private record Variant(String template, List<String> documents) {}

    /** Mapping version 2's language analysis: every language a sub-field of title and text, for every article. */
    private static String sevenSubFields(String standardTemplate) {
        var root = (ObjectNode) JSON.readTree(standardTemplate);
        var properties = (ObjectNode) root.path("template").path("mappings").path("properties");
        for (var field : List.of("title", "text")) {
            var mapping = (ObjectNode) properties.path(field);
            var fields = mapping.has("fields") ? (ObjectNode) mapping.get("fields") : mapping.putObject("fields");
            LanguageAnalyzers.BY_LANGUAGE.forEach((language, analyzer) ->
                    fields.putObject(language).put("type", "text").put("analyzer", analyzer));
        }
        return JSON.writeValueAsString(root);
    }

    /** English articles, with the copy under {@code stemmed.en} that the service sends from mapping version 3 on. */
    private static List<String> documents(int count, boolean withStemmedCopy) {
        var random = new Random(42);
        var documents = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var title = words(random, 10);
            var text = words(random, 300);
            var document = new LinkedHashMap<String, Object>();
            document.put("id", "a" + i);
            document.put("revision", 1);
            document.put("title", title);
            document.put("text", text);
            document.put("language", "en");
            document.put("publishedAt", "2025-03-01T08:00:00Z");
            if (withStemmedCopy) {
                document.put("stemmed", Map.of("en", Map.of("title", title, "text", text)));
            }
            documents.add(JSON.writeValueAsString(document));
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
