package io.newsflow.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Everything the ingest service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). */
@Validated
@ConfigurationProperties("newsflow")
public record IngestProperties(@Valid @NotNull Topics topics, @Valid @NotNull Ingest ingest) {

    /**
     * @param raw the topic ingested articles are published to
     * @param ingestState the compacted topic that remembers, per article id, the latest revision and content hash
     *     published to {@code raw}; it is what makes deduplication survive restarts and span instances
     * @param partitions partitions of the topics this service creates when they are missing
     * @param replicationFactor replicas of the topics this service creates when they are missing
     */
    public record Topics(
            @NotBlank String raw,
            @NotBlank String ingestState,
            @Min(1) int partitions,
            @Min(1) short replicationFactor) {}

    /**
     * @param publishTimeout how long a request waits for Kafka to acknowledge its events before it fails
     * @param limits what one request may carry
     */
    public record Ingest(@NotNull Duration publishTimeout, @Valid @NotNull Limits limits) {}

    /**
     * @param maxArticleSize the largest article, as JSON, that is accepted (a single article request, a batch item)
     * @param maxRequestSize the largest batch request body
     * @param maxBatchItems the most articles one batch request may carry
     */
    public record Limits(
            @NotNull DataSize maxArticleSize, @NotNull DataSize maxRequestSize, @Min(1) int maxBatchItems) {}
}
