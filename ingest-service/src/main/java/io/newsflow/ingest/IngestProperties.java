package io.newsflow.ingest;

import io.newsflow.kafka.DataSizeRange;
import io.newsflow.kafka.TopicName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
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
     * @param fetch fetching the pages of articles that arrive with a link and no text
     */
    public record Ingest(
            @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 5) Duration publishTimeout,
            @Valid @NotNull Limits limits,
            @Valid @NotNull Feeds feeds,
            @Valid @NotNull Fetch fetch) {}

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

    /**
     * Fetching pages: requests on a topic of their own, taken by a consumer group of fetchers, each of which
     * publishes the article with its page's text. The SSRF policy is the feeds' one ({@code feeds.allowed-hosts}).
     *
     * @param topic fetch requests, keyed by host, so that one host's pages are fetched by one member at a time
     * @param statusTopic compacted topic with each fetch's state (and the page's validators), keyed by article id
     * @param consumerGroup the fetchers' group
     * @param concurrency consumer threads per instance on the request topic (and on each retry topic)
     * @param userAgent the product part of the User-Agent; its first word is the token robots.txt rules name
     * @param contactUrl where a site's operator learns who fetches and how to reach us, sent in the User-Agent
     * @param hostDelay the least time between two requests to one host (a longer robots.txt Crawl-delay wins), over
     *     all instances together
     * @param instances how many ingest instances fetch: the gate of each is its own, so each waits {@code
     *     instances} times the delay, and all of them together keep to the delay
     * @param maxHostWait the longest a fetch waits for its host's turn (or Retry-After) before it is retried later
     * @param robotsTtl how long a host's robots.txt is cached
     * @param connectTimeout connect timeout of a page request
     * @param readTimeout time limit for a whole page response, headers and body
     * @param maxPageSize cap on a page's bytes, on the wire and again after decompression
     * @param maxRedirects redirects followed per fetch, each checked like the URL itself
     * @param attempts tries per page, the first included, before the article goes on with what it had
     * @param backoff the wait before the first retry; it doubles per retry
     * @param teaserLength a feed item whose text is shorter than this (in characters, markup excluded) is a teaser,
     *     and its page is fetched; 0 fetches no feed item's page
     */
    public record Fetch(
            @TopicName String topic,
            @TopicName String statusTopic,
            @NotBlank String consumerGroup,
            @Min(1) @Max(64) int concurrency,
            @Min(1) @Max(64) int retryConcurrency,
            @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 25) Duration maxFetchWait,
            @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9._-]*(/[A-Za-z0-9._-]+)?") String userAgent,
            @NotNull URI contactUrl,
            @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 10) Duration hostDelay,
            @Min(1) @Max(1_000) int instances,
            @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 4) Duration maxHostWait,
            @NotNull @DurationMin(seconds = 1) Duration robotsTtl,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 5) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 4) Duration readTimeout,
            @NotNull @DataSizeRange(min = "1KB", max = "100MB") DataSize maxPageSize,
            @Min(0) @Max(20) int maxRedirects,
            @Min(1) @Max(20) int attempts,
            @NotNull @DurationMin(millis = 10) @DurationMax(hours = 1) Duration backoff,
            @Min(0) @Max(100_000) int teaserLength) {

        /** The User-Agent of every request ingest makes, e.g. {@code Newsflow/0.1 (+https://newsflow.io/bot)}. */
        public String userAgentHeader() {
            return userAgent + " (+" + contactUrl + ")";
        }

        /** The token robots.txt groups name, e.g. {@code newsflow}. */
        public String robotsToken() {
            var slash = userAgent.indexOf('/');
            return (slash < 0 ? userAgent : userAgent.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
        }
    }
}
