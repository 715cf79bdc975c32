package io.newsflow.ingest.api;

import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.ingest.intake.IngestResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(RequestSizeLimitFilter.ARTICLES)
class ArticleController {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleIntake intake;
    private final BatchReader reader;
    private final IngestMetrics metrics;

    ArticleController(ArticleIntake intake, BatchReader reader, IngestMetrics metrics) {
        this.intake = intake;
        this.reader = reader;
        this.metrics = metrics;
    }

    /** Answers 202 once Kafka has acknowledged the article's event: from then on it is never lost. */
    @Operation(summary = "Submit one article; 202 once Kafka acknowledged it (accepted, duplicate or updated)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestResult> submit(@Valid @RequestBody ArticleSubmission submission) {
        return ResponseEntity.accepted().body(intake.submit(submission.toSource(), submission.toArticle()));
    }

    /**
     * Submits the valid items of a batch together and answers once Kafka acknowledged all of them, with one result per
     * item; invalid and oversized items are rejected alone.
     */
    @Operation(
            summary = "Submit a batch of articles as a JSON array or NDJSON; one result per item",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        array =
                                                @ArraySchema(
                                                        schema = @Schema(implementation = ArticleSubmission.class))),
                                @Content(
                                        mediaType = NDJSON,
                                        schema =
                                                @Schema(
                                                        implementation = ArticleSubmission.class,
                                                        description = "One article per line"))
                            }))
    @PostMapping(
            path = "/batch",
            consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    ResponseEntity<BatchResult> submitBatch(@RequestHeader("Content-Type") MediaType contentType, InputStream body)
            throws IOException {
        var items = NDJSON.equals(contentType.getType() + "/" + contentType.getSubtype())
                ? reader.readNdjson(body)
                : reader.readArray(body);
        var valid = items.stream()
                .filter(BatchReader.Valid.class::isInstance)
                .map(BatchReader.Valid.class::cast)
                .toList();
        var submitted = intake.submitAll(valid.stream()
                .map(item -> new Submission(
                        item.submission().toSource(), item.submission().toArticle()))
                .toList());
        var results = new ArrayList<BatchResult.Item>(items.size());
        var next = 0;
        for (var item : items) {
            switch (item) {
                case BatchReader.Valid v ->
                    results.add(BatchResult.Item.of(v.index(), v.line(), submitted.get(next++)));
                case BatchReader.Rejected r -> {
                    metrics.rejected(r.reason());
                    results.add(BatchResult.Item.rejected(r.index(), r.line(), r.reason(), r.detail(), r.errors()));
                }
            }
        }
        return ResponseEntity.accepted().body(BatchResult.of(List.copyOf(results)));
    }
}
