package io.newsflow.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * What the ingest state topic holds per article id: the latest revision published to the raw topic, the hash of its
 * content and the highest publisher's version (an agency item's) taken for it. A few dozen bytes per article, so every
 * instance can keep the whole ledger in memory.
 *
 * @param version 0 when no submission of the article carried a version; records written before versions were
 *     recorded have none either, and read as 0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleState(
        long revision,
        String contentHash,
        // Absent from older records (and left out when 0): Jackson 3 would refuse a missing primitive as null.
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) long version) {

    public ArticleState(long revision, String contentHash) {
        this(revision, contentHash, 0);
    }
}
