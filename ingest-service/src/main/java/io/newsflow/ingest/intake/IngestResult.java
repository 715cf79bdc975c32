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
        REJECTED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
