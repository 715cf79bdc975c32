package io.newsflow.search.indexing;

import java.util.List;

/**
 * Published in this process once Elasticsearch confirmed a batch (live alerts of saved searches listen to it). It is
 * published on the consumer's thread, before the batch is committed: a listener hands its work to a thread of its own.
 *
 * @param articleIds the articles indexed, never empty
 */
public record ArticlesIndexed(List<String> articleIds) {

    public ArticlesIndexed {
        articleIds = List.copyOf(articleIds);
    }
}
