package io.newsflow.ingest.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What became of one submitted article: accepted as new, a duplicate of its latest revision (nothing published), or
 * updated to a new revision.
 */
public record IngestResult(String id, long revision, Outcome outcome) {

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        UPDATED,
        /** Refused before reaching the intake (invalid, too large); only the API reports it. */
        REJECTED,
        /**
         * Its page is to be fetched: the request is on Kafka, and the article is published (with the page's text, or
         * else with what it had) once fetched; its status tells how far it got.
         */
        QUEUED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
