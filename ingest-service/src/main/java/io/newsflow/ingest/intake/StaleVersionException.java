package io.newsflow.ingest.intake;

/**
 * A submission carried a publisher's version older than the one already taken for its article: an agency item that
 * was overtaken by a later version of itself. Nothing was published for it.
 */
public class StaleVersionException extends RuntimeException {

    private final String articleId;
    private final long recordedRevision;
    private final long recordedVersion;
    private final long sentVersion;

    StaleVersionException(String articleId, long recordedRevision, long recordedVersion, long sentVersion) {
        super("Article " + articleId + " is at version " + recordedVersion + " (revision " + recordedRevision
                + "); version " + sentVersion + " is older and was not taken.");
        this.articleId = articleId;
        this.recordedRevision = recordedRevision;
        this.recordedVersion = recordedVersion;
        this.sentVersion = sentVersion;
    }

    public String articleId() {
        return articleId;
    }

    public long recordedRevision() {
        return recordedRevision;
    }

    public long recordedVersion() {
        return recordedVersion;
    }

    public long sentVersion() {
        return sentVersion;
    }
}
