package io.newsflow.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Kafka record headers set on every article event, so that consumers can route or reject a record without parsing
 * its value.
 */
public final class EventHeaders {

    /** {@link ArticleIngested#TYPE} or {@link ArticleEnriched#TYPE}. */
    public static final String EVENT_TYPE = "newsflow-event-type";

    /** The event's major schema version, as a decimal string. */
    public static final String SCHEMA_VERSION = "newsflow-schema-version";

    private EventHeaders() {}

    /** The headers of an event of the given type and schema version, as the bytes Kafka carries (UTF-8 text). */
    public static Map<String, byte[]> of(String eventType, int schemaVersion) {
        return Map.of(
                EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8),
                SCHEMA_VERSION, String.valueOf(schemaVersion).getBytes(StandardCharsets.UTF_8));
    }
}
