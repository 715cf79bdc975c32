package io.newsflow.infra.chaos;

import java.util.List;
import java.util.Map;

/** The topics and the index alias the services use, from the same environment variables they read. */
record Topics(String raw, String enriched, String alias) {

    static Topics from(Map<String, String> env) {
        return new Topics(
                env.getOrDefault("NEWSFLOW_TOPICS_RAW", "newsflow.articles.raw"),
                env.getOrDefault("NEWSFLOW_TOPICS_ENRICHED", "newsflow.articles.enriched"),
                env.getOrDefault("NEWSFLOW_SEARCH_INDEX_ALIAS", "newsflow-articles"));
    }

    /** The topics whose dead-letter topics ({@code <topic>.dlt}) the consumers write. */
    List<String> sources() {
        return List.of(raw, enriched);
    }
}
