package io.newsflow.ingest;

import io.newsflow.kafka.DataSizeRange;
import io.newsflow.kafka.TopicName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 * Everything the ingest service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). Each value is checked
 * at start against the bounds it works within; a bad one stops the service with a message naming the property and its
 * environment variable.
 */
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
            @TopicName String raw,
            @TopicName String ingestState,
            @Min(1) @Max(10_000) int partitions,
            @Min(1) short replicationFactor) {}

    /**
     * @param publishTimeout how long a request waits for Kafka to acknowledge its events before it fails
     * @param limits what one request may carry
     * @param feeds feed polling
     */
    public record Ingest(
            @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 5) Duration publishTimeout,
            @Valid @NotNull Limits limits,
            @Valid @NotNull Feeds feeds) {}

    /**
     * @param maxArticleSize the largest article, as JSON, that is accepted (a single article request, a batch item)
     * @param maxRequestSize the largest batch request body
     * @param maxBatchItems the most articles one batch request may carry
     */
    public record Limits(
            @NotNull @DataSizeRange(min = "1KB", max = "100MB") DataSize maxArticleSize,
            @NotNull @DataSizeRange(min = "1KB", max = "1GB") DataSize maxRequestSize,
            @Min(1) @Max(100_000) int maxBatchItems) {}

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
            @TopicName String topic,
            @NotBlank String consumerGroup,
            @NotNull @DurationMin(seconds = 1) Duration defaultPollInterval,
            @NotNull @DurationMin(seconds = 1) Duration minPollInterval,
            @NotNull @DurationMin(seconds = 1) Duration maxBackoff,
            @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 10) Duration checkInterval,
            @NotNull List<@NotNull @Pattern(regexp = HOST, message = HOST_RULE) String> allowedHosts,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 5) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration readTimeout,
            @NotNull @DataSizeRange(min = "1KB", max = "1GB") DataSize maxResponseSize,
            @Min(1) @Max(100_000) int maxItemsPerPoll,
            @Min(0) @Max(20) int maxRedirects,
            @Min(1) @Max(10_000) int maxConcurrentPolls) {

        /** A DNS name, an IPv4 address or an IPv6 address (bracketed or not). */
        static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?";

        static final String HOST_RULE = "must be a host name or an IP address, without scheme, port or path";
    }
}
