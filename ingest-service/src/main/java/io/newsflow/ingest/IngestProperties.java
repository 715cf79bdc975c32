package io.newsflow.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
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
     * @param feeds feed polling
     */
    public record Ingest(
            @NotNull Duration publishTimeout, @Valid @NotNull Limits limits, @Valid @NotNull Feeds feeds) {}

    /**
     * @param maxArticleSize the largest article, as JSON, that is accepted (a single article request, a batch item)
     * @param maxRequestSize the largest batch request body
     * @param maxBatchItems the most articles one batch request may carry
     */
    public record Limits(
            @NotNull DataSize maxArticleSize, @NotNull DataSize maxRequestSize, @Min(1) int maxBatchItems) {}

    /**
     * @param topic compacted topic holding every feed's registration and polling state, keyed by feed id
     * @param consumerGroup the group whose members share the polling: each polls the feeds of its partitions
     * @param defaultPollInterval the poll interval of a feed registered without one
     * @param minPollInterval the shortest poll interval a feed may ask for
     * @param maxBackoff the longest wait after repeated failures (the wait doubles per consecutive failure)
     * @param checkInterval how often the scheduler looks for feeds that are due
     * @param allowedHosts hosts polled even though they resolve to loopback, private or link-local addresses
     * @param connectTimeout connect timeout of a feed request
     * @param readTimeout time limit for a whole feed response, headers and body
     * @param maxResponseSize cap on a feed response's bytes, on the wire and again after decompression
     * @param maxItemsPerPoll cap on the items taken from one poll
     * @param maxRedirects redirects followed per poll, each checked like the feed URL itself
     * @param maxConcurrentPolls polls running at once per instance; due feeds beyond it wait for the next check
     */
    public record Feeds(
            @NotBlank String topic,
            @NotBlank String consumerGroup,
            @NotNull Duration defaultPollInterval,
            @NotNull Duration minPollInterval,
            @NotNull Duration maxBackoff,
            @NotNull Duration checkInterval,
            @NotNull List<String> allowedHosts,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @NotNull DataSize maxResponseSize,
            @Min(1) int maxItemsPerPoll,
            @Min(0) int maxRedirects,
            @Min(1) int maxConcurrentPolls) {}
}
