package io.newsflow.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.ingest.api.ApiExceptionHandler.InvalidField;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import java.util.List;

/** The answer to a batch: how many articles had each outcome, and one result per item in the order received. */
record BatchResult(int accepted, int updated, int duplicate, int rejected, List<Item> results) {

    static BatchResult of(List<Item> results) {
        return new BatchResult(
                count(results, Outcome.ACCEPTED),
                count(results, Outcome.UPDATED),
                count(results, Outcome.DUPLICATE),
                count(results, Outcome.REJECTED),
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
    record Item(
            int index,
            Integer line,
            String id,
            Long revision,
            Outcome outcome,
            String reason,
            String detail,
            List<InvalidField> errors) {

        static Item of(int index, Integer line, IngestResult result) {
            return new Item(index, line, result.id(), result.revision(), result.outcome(), null, null, null);
        }

        static Item rejected(int index, Integer line, String reason, String detail, List<InvalidField> errors) {
            return new Item(index, line, null, null, Outcome.REJECTED, reason, detail, errors);
        }
    }
}
