package io.newsflow.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the ingest state topic holds per article id: the latest revision published to the raw topic and the hash of
 * its content. A few dozen bytes per article, so every instance can keep the whole ledger in memory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleState(long revision, String contentHash) {}
