package io.newsflow.search.index;

import io.newsflow.events.ArticleEnriched;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Indexes enriched articles a poll at a time with one bulk request. The batch's offsets are committed only after
 * this method returns, that is after Elasticsearch confirmed every item.
 */
@Component
class EnrichedArticleListener {

    private static final Logger log = LoggerFactory.getLogger(EnrichedArticleListener.class);

    private final ArticleIndex index;

    EnrichedArticleListener(ArticleIndex index) {
        this.index = index;
    }

    // idIsGroup = false: the group comes from spring.kafka.consumer.group-id, not from this container id.
    @KafkaListener(id = "index", idIsGroup = false, topics = "${newsflow.topics.enriched}", batch = "true")
    void onArticlesEnriched(List<ConsumerRecord<String, ArticleEnriched>> records) throws IOException {
        var articles = new ArrayList<ArticleEnriched>(records.size());
        for (var record : records) {
            if (record.value() == null) {
                // Unreadable (the deserializer failed): index what came before it, then let the error handler
                // dead-letter this record and redeliver the rest.
                writeAll(articles);
                throw new BatchListenerFailedException("unreadable enriched event", records.indexOf(record));
            }
            articles.add(record.value());
        }
        writeAll(articles);
    }

    private void writeAll(List<ArticleEnriched> articles) throws IOException {
        var failures = index.write(articles);
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(
                    new IOException("Elasticsearch refused " + failures.size() + " of " + articles.size()
                            + " articles, first: " + failures.getFirst().reason()));
        }
        log.debug("Indexed {} articles", articles.size());
    }
}
