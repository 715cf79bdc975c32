package io.newsflow.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Reading the API's JSON answers in tests. */
final class JsonAnswers {

    private JsonAnswers() {}

    /** The ids of the hits of a search answer, or of an array of hits. */
    static List<String> ids(JsonNode result) {
        var hits = result.has("hits") ? result.path("hits") : result;
        return strings(hits, "id");
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    static List<String> strings(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asString())
                .toList();
    }

    /** The count of the facet bucket of that value, 0 when there is none. */
    static long bucket(JsonNode buckets, String value) {
        return StreamSupport.stream(buckets.spliterator(), false)
                .filter(b -> b.path("value").asString().equals(value))
                .mapToLong(b -> b.path("count").asLong())
                .findFirst()
                .orElse(0);
    }

    /** The name the facet bucket of that value shows, empty when there is none. */
    static String bucketName(JsonNode buckets, String value) {
        return StreamSupport.stream(buckets.spliterator(), false)
                .filter(b -> b.path("value").asString().equals(value))
                .map(b -> b.path("name").asString())
                .findFirst()
                .orElse("");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
