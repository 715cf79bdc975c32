package io.newsflow.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything the ingest service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). */
@Validated
@ConfigurationProperties("newsflow")
public record IngestProperties(@Valid @NotNull Topics topics, @Valid @NotNull Ingest ingest) {

    /**
     * @param raw the topic ingested articles are published to
     * @param partitions partitions of the topics this service creates when they are missing
     * @param replicationFactor replicas of the topics this service creates when they are missing
     */
    public record Topics(@NotBlank String raw, @Min(1) int partitions, @Min(1) short replicationFactor) {}

    /** @param publishTimeout how long a request waits for Kafka to acknowledge its events before it fails */
    public record Ingest(@NotNull Duration publishTimeout) {}
}
