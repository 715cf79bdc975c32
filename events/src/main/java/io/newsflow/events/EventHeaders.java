package io.newsflow.events;

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
}
