package io.newsflow.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Everything the search service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). */
@Validated
@ConfigurationProperties("newsflow")
public record SearchProperties(@Valid @NotNull Topics topics, @Valid @NotNull Search search) {

    /**
     * @param enriched the topic enriched articles are consumed from (declared by the enrich service)
     * @param partitions partitions of its dead-letter topic, which this service declares: as many as the enriched
     *     topic has
     * @param replicationFactor replicas of the dead-letter topic
     */
    public record Topics(@NotBlank String enriched, @Min(1) int partitions, @Min(1) short replicationFactor) {}

    /**
     * @param index the index alias and its mapping
     * @param maxPageSize the largest {@code size} a search may ask for
     * @param facetSize how many buckets each facet returns
     * @param indexing how enriched articles are batched and retried on their way into the index
     * @param adminToken the bearer token the admin endpoints ask for
     * @param cors the origins of dashboards allowed to call the API from a browser
     * @param savedSearchesIndex the Elasticsearch index saved searches are kept in
     */
    public record Search(
            @Valid @NotNull Index index,
            @Min(1) @Max(1_000) int maxPageSize,
            @Min(1) @Max(100) int facetSize,
            @Valid @NotNull Indexing indexing,
            @NotBlank String adminToken,
            @Valid @NotNull Cors cors,
            @NotBlank String savedSearchesIndex) {}

    /**
     * @param alias the alias every read and write goes through; it points at {@code <alias>-v<N>}
     * @param version the version of the mapping resource ({@code elasticsearch/articles-template-v<version>.json})
     */
    public record Index(@NotBlank String alias, @Min(1) int version) {}

    /**
     * A batch is what one poll returns: at most {@code maxBatchRecords} records and {@code maxBatchBytes} fetched
     * bytes, the broker waiting up to {@code maxBatchWait} for {@code minBatchBytes} to gather. Retriable failures
     * (429, 5xx, Elasticsearch unreachable) are retried without end, the pause growing from {@code retryInitial} to
     * {@code retryMax}, while the consumer stays paused.
     *
     * @param maxBulkBytes the largest bulk request sent to Elasticsearch; a bigger batch is split
     * @param concurrency consumers (threads) indexing in parallel, at most one per partition is useful
     */
    public record Indexing(
            @Min(1) @Max(64) int concurrency,
            @Min(1) @Max(10_000) int maxBatchRecords,
            @NotNull DataSize maxBatchBytes,
            @NotNull DataSize minBatchBytes,
            @NotNull Duration maxBatchWait,
            @NotNull DataSize maxBulkBytes,
            @NotNull Duration retryInitial,
            @NotNull Duration retryMax) {}

    /** @param allowedOrigins origins allowed to call {@code /api/**} cross-origin; empty for none */
    public record Cors(@NotNull List<String> allowedOrigins) {}
}
