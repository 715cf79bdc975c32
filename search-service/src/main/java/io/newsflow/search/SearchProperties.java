package io.newsflow.search;

import io.newsflow.kafka.DataSizeRange;
import io.newsflow.kafka.TopicName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the search service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). Each value is checked
 * at start against the bounds it works within; a bad one stops the service with a message naming the property and its
 * environment variable.
 */
@Validated
@ConfigurationProperties("newsflow")
public record SearchProperties(@Valid @NotNull Topics topics, @Valid @NotNull Search search) {

    /**
     * @param enriched the topic enriched articles are consumed from (declared by the enrich service)
     * @param partitions partitions of its dead-letter topic, which this service declares: as many as the enriched
     *     topic has
     * @param replicationFactor replicas of the dead-letter topic
     */
    public record Topics(
            @TopicName String enriched, @Min(1) @Max(10_000) int partitions, @Min(1) short replicationFactor) {}

    /**
     * @param index the index alias and its mapping
     * @param maxPageSize the largest {@code size} a search may ask for
     * @param facetSize how many buckets each facet returns
     * @param indexing how enriched articles are batched and retried on their way into the index
     * @param cors the origins of dashboards allowed to call the API from a browser
     * @param savedSearchesIndex the Elasticsearch index saved searches are kept in
     */
    public record Search(
            @Valid @NotNull Index index,
            @Min(1) @Max(1_000) int maxPageSize,
            @Min(1) @Max(100) int facetSize,
            @Valid @NotNull Indexing indexing,
            @Valid @NotNull Cors cors,
            @NotNull @Pattern(regexp = Index.NAME, message = Index.NAME_RULE) String savedSearchesIndex) {}

    /**
     * @param alias the alias every read and write goes through; it points at {@code <alias>-v<N>}
     * @param version the version of the mapping resource ({@code elasticsearch/articles-template-v<version>.json})
     */
    public record Index(
            @NotNull @Pattern(regexp = NAME, message = NAME_RULE) String alias, @Min(1) @Max(1_000) int version) {

        /** What Elasticsearch accepts as an index name, with room for the {@code -v<N>} of a version. */
        static final String NAME = "[a-z0-9][a-z0-9._+-]{0,199}";

        static final String NAME_RULE =
                "must be an Elasticsearch index name: 1 to 200 lower-case letters, digits, '.', '_', '+' or '-', not"
                        + " starting with one of '.', '_', '+', '-'";
    }

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
            // the consumer takes these as int bytes and milliseconds
            @NotNull @DataSizeRange(min = "1KB", max = "1GB") DataSize maxBatchBytes,
            @NotNull @DataSizeRange(min = "1B", max = "1GB") DataSize minBatchBytes,
            @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 30) Duration maxBatchWait,
            @NotNull @DataSizeRange(min = "1KB", max = "1GB") DataSize maxBulkBytes,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration retryInitial,
            @NotNull @DurationMin(millis = 1) @DurationMax(hours = 1) Duration retryMax) {}

    /** @param allowedOrigins origins allowed to call {@code /api/**} cross-origin; empty for none */
    public record Cors(@NotNull List<@NotNull @Pattern(regexp = ORIGIN, message = ORIGIN_RULE) String> allowedOrigins) {

        static final String ORIGIN = "\\*|https?://[^/\\s]+";

        static final String ORIGIN_RULE =
                "must be an origin such as https://dashboard.example (scheme, host, optional port; no path), or *";
    }
}
