package io.newsflow.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything the search service can be told, under {@code newsflow.*} (env {@code NEWSFLOW_*}). */
@Validated
@ConfigurationProperties("newsflow")
public record SearchProperties(@Valid @NotNull Topics topics, @Valid @NotNull Search search) {

    /** @param enriched the topic enriched articles are consumed from */
    public record Topics(@NotBlank String enriched, @Min(1) int partitions, @Min(1) short replicationFactor) {}

    /** @param index the index alias and how searches are bounded */
    public record Search(@Valid @NotNull Index index, @Min(1) @Max(1_000) int maxPageSize) {}

    /**
     * @param alias the alias every read and write goes through; it points at {@code <alias>-v<version>}
     * @param version the mapping version a new index is created with
     */
    public record Index(@NotBlank String alias, @Min(1) int version) {}
}
