package io.newsflow.ingest.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one submitted article. */
public record IngestResult(String id, long revision, Outcome outcome) {

    public enum Outcome {
        ACCEPTED;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
