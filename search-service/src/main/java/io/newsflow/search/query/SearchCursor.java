package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a page of results ended: the sort values of its last hit (for search_after), and the sort they belong to.
 * Clients see it as an opaque URL-safe base64 token.
 */
public record SearchCursor(Sort sort, List<FieldValue> after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String encode() {
        var values = new ArrayList<Object>();
        values.add(sort.parameter());
        for (var value : after) {
            values.add(value._get());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
    }

    /** @throws IllegalArgumentException when the token is not one this service made */
    public static SearchCursor decode(String token) {
        JsonNode array;
        try {
            array = JSON.readTree(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("cursor is not a token this service made");
        }
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("cursor is not a token this service made");
        }
        var sort = Sort.parse(array.get(0).asString(""))
                .orElseThrow(() -> new IllegalArgumentException("cursor names an unknown sort"));
        var expected = sort == Sort.RELEVANCE ? 4 : 3;
        if (array.size() != expected) {
            throw new IllegalArgumentException("cursor is not a token this service made");
        }
        var values = new ArrayList<FieldValue>();
        int i = 1;
        if (sort == Sort.RELEVANCE) {
            values.add(FieldValue.of(number(array.get(i++)).doubleValue()));
        }
        values.add(FieldValue.of(number(array.get(i++)).longValue()));
        var id = array.get(i);
        if (!id.isString()) {
            throw new IllegalArgumentException("cursor is not a token this service made");
        }
        values.add(FieldValue.of(id.asString()));
        return new SearchCursor(sort, values);
    }

    private static Number number(JsonNode node) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException("cursor is not a token this service made");
        }
        return node.numberValue();
    }
}
