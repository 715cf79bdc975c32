package io.newsflow.enrich;

import io.newsflow.kafka.TopicName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the enrich service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). Each value is checked
 * at start against the bounds it works within; a bad one stops the service with a message naming the property and its
 * environment variable.
 */
@Validated
@ConfigurationProperties("newsflow")
public record EnrichProperties(@Valid @NotNull Topics topics, @Valid @NotNull Enrich enrich) {

    /**
     * @param raw the topic ingested articles are consumed from
     * @param enriched the topic enriched articles are published to (compacted)
     * @param partitions partitions of the topics this service creates when they are missing
     * @param replicationFactor replicas of the topics this service creates when they are missing
     */
    public record Topics(
            @TopicName String raw,
            @TopicName String enriched,
            @Min(1) @Max(10_000) int partitions,
            @Min(1) short replicationFactor) {}

    /**
     * @param concurrency consumer threads of this instance (at most the raw topic's partitions are busy)
     * @param languages ISO 639-1 codes of the languages to detect; anything else is {@code und}
     * @param keywords how many keyphrases an article keeps at most
     * @param summary the extractive summary's size
     * @param entities the name finders beyond the shipped ones
     * @param analysedCharacters how much of an article's text the keywords, entities, category, summary and
     *     fingerprint are taken from (its start, cut at a word boundary); the whole text is still published and
     *     indexed. It bounds the time one article can take, whatever its length: enrichment must stay well inside
     *     the consumer's max.poll.interval.ms, or the instance is put out of its group and the poll is redelivered,
     *     to be overrun again.
     */
    public record Enrich(
            @Min(1) @Max(64) int concurrency,
            @NotEmpty List<@NotBlank @Pattern(regexp = "[a-z]{2}", message = LANGUAGE_RULE) String> languages,
            @Min(1) @Max(50) int keywords,
            @Valid @NotNull Summary summary,
            @Valid @NotNull Entities entities,
            @Min(1_000) @Max(1_000_000) int analysedCharacters) {

        static final String LANGUAGE_RULE = "must be an ISO 639-1 code: two lower-case letters";
    }

    /**
     * @param models opt-in name finder models, each {@code lang=file} (an OpenNLP model file, e.g. one trained on
     *     CoNLL-2002, whose licence keeps it out of the default build); one replaces the shipped model of its language
     */
    public record Entities(@NotNull List<@Pattern(regexp = "[a-z]{2}=.+", message = MODEL_RULE) String> models) {

        static final String MODEL_RULE = "must be lang=file, e.g. es=/models/es-ner-conll2002.bin";
    }

    /**
     * @param sentences at most this many sentences (2 to 4)
     * @param characters the summary's budget in characters; sentences are never cut, so fewer are taken
     */
    public record Summary(@Min(2) @Max(4) int sentences, @Min(100) int characters) {}
}
