package io.newsflow.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.ingest.api.ApiExceptionHandler.InvalidField;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a batch: how many articles had each outcome, and one result per item in the order received. */
@Schema(description = "How many articles had each outcome, and one result per item in the order received")
record BatchResult(int accepted, int updated, int duplicate, int rejected, int queued, List<Item> results) {

    static BatchResult of(List<Item> results) {
        return new BatchResult(
                count(results, Outcome.ACCEPTED),
                count(results, Outcome.UPDATED),
                count(results, Outcome.DUPLICATE),
                count(results, Outcome.REJECTED),
                count(results, Outcome.QUEUED),
                results);
    }

    private static int count(List<Item> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * @param index the item's position in the batch, from 0
     * @param line the item's line, from 1, when the batch was NDJSON
     * @param reason why a rejected item was refused: {@code invalid} or {@code too-large}
     * @param errors the invalid fields of an {@code invalid} item
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchResultItem", description = "What became of one item of the batch")
    record Item(
            @Schema(minimum = "0", description = "The item's position in the batch, from 0") int index,
            @Schema(minimum = "1", description = "The item's line, from 1, when the batch was NDJSON") Integer line,
            @Schema(description = "The article's id, unless rejected") String id,
            @Schema(minimum = "1", description = "The article's revision, unless rejected") Long revision,
            Outcome outcome,
            @Schema(
                            allowableValues = {"invalid", "too-large"},
                            description = "Why a rejected item was refused")
                    String reason,
            @Schema(description = "What was wrong with a rejected item") String detail,
            @Schema(description = "The invalid fields of an `invalid` item") List<InvalidField> errors) {

        static Item of(int index, Integer line, IngestResult result) {
            return new Item(index, line, result.id(), result.revision(), result.outcome(), null, null, null);
        }

        static Item rejected(int index, Integer line, String reason, String detail, List<InvalidField> errors) {
            return new Item(index, line, null, null, Outcome.REJECTED, reason, detail, errors);
        }
    }
}
