package io.newsflow.ingest.state;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest known state of every article id, fed by the ingest state topic and by this instance's own claims.
 *
 * <p>A claim reserves the next revision for a content before its event is published, so that two submissions of
 * the same article on this instance never get the same revision for different content, and a duplicate that arrives
 * while the original is still being published waits for it ({@link Claim#settled()}) instead of being answered
 * before Kafka acknowledged anything. A claim that fails to publish is released and the previous state comes back.
 *
 * <p>Records read from the topic win over what this instance knows unless they are older, so that every instance
 * converges on the topic's last word for each id.
 */
@Component
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public Claim claim(String articleId, String contentHash) {
        return claim(articleId, contentHash, 0);
    }

    /**
     * Claims the next revision, or {@code version} when that is higher: an agency item's own version number becomes
     * its revision, so that the revisions of its article follow the agency's versions. A version older than the
     * highest one taken for the id is {@link Claim.Kind#STALE} and claims nothing: an agency's correction that
     * overtook its predecessor on the way must not be replaced by it. The same version with other content is taken
     * as the next revision, as content without a version is.
     */
    public Claim claim(String articleId, String contentHash, long version) {
        var claim = new Claim[1];
        entries.compute(articleId, (id, current) -> {
            if (current != null && current.state.contentHash().equals(contentHash)) {
                claim[0] = new Claim(id, Claim.Kind.DUPLICATE, current.state, current);
                return current;
            }
            if (current != null && version > 0 && version < current.state.version()) {
                claim[0] = new Claim(id, Claim.Kind.STALE, current.state, current);
                return current;
            }
            var revision = Math.max(version, current == null ? 1 : current.state.revision() + 1);
            var highestVersion = Math.max(version, current == null ? 0 : current.state.version());
            var entry = new Entry(
                    new ArticleState(revision, contentHash, highestVersion), new CompletableFuture<>(), current);
            claim[0] = new Claim(id, current == null ? Claim.Kind.NEW : Claim.Kind.CHANGED, entry.state, entry);
            return entry;
        });
        return claim[0];
    }

    /** The claimed revision is on Kafka: duplicates waiting for it may now be answered. */
    public void confirm(Claim claim) {
        claim.entry.previous = null;
        claim.entry.settled.complete(null);
    }

    /** The claimed revision could not be published: forget it, unless a later claim or the topic superseded it. */
    public void release(Claim claim, Throwable failure) {
        claim.entry.settled.completeExceptionally(failure);
        entries.computeIfPresent(claim.articleId(), (id, current) -> {
            if (current != claim.entry) {
                return current;
            }
            var previous = current.previous;
            while (previous != null && previous.failed()) {
                previous = previous.previous;
            }
            return previous;
        });
    }

    /**
     * A record of the ingest state topic, from this instance or another one.
     *
     * @return whether the record is older than the settled state known here: two instances took two versions at the
     *     same moment and the older one's record came last, so that the topic's last word for the id, all that
     *     compaction keeps, is behind
     */
    boolean apply(String articleId, ArticleState state) {
        var behind = new boolean[1];
        entries.compute(articleId, (id, current) -> {
            if (current == null
                    || state.revision() > current.state.revision()
                    || state.revision() == current.state.revision() && !current.pending()) {
                if (current != null
                        && state.revision() == current.state.revision()
                        && !state.contentHash().equals(current.state.contentHash())) {
                    // Two instances accepted different content for the same revision within moments of each
                    // other; consumers index by revision, so the first of the two on the raw topic stays until
                    // the next revision. The topic's last record becomes everybody's state.
                    log.warn(
                            "Two instances published revision {} of article {} with different content",
                            state.revision(),
                            id);
                }
                return Entry.settled(state);
            }
            behind[0] = !current.pending() && state.revision() < current.state.revision();
            return current;
        });
        return behind[0];
    }

    /** A tombstone on the ingest state topic: the article is forgotten, and would be accepted again as new. */
    void forget(String articleId) {
        entries.computeIfPresent(articleId, (id, current) -> current.pending() ? current : null);
    }

    public Optional<ArticleState> get(String articleId) {
        return Optional.ofNullable(entries.get(articleId))
                .filter(entry -> !entry.failed())
                .map(entry -> entry.state);
    }

    public int size() {
        return entries.size();
    }

    private static final class Entry {

        private final ArticleState state;
        private final CompletableFuture<Void> settled;
        // Only kept while pending, so that a failed claim can be rolled back.
        private volatile Entry previous;

        private Entry(ArticleState state, CompletableFuture<Void> settled, Entry previous) {
            this.state = state;
            this.settled = settled;
            this.previous = previous;
        }

        static Entry settled(ArticleState state) {
            return new Entry(state, CompletableFuture.completedFuture(null), null);
        }

        boolean pending() {
            return !settled.isDone();
        }

        boolean failed() {
            return settled.isCompletedExceptionally();
        }
    }

    /**
     * The outcome of {@link #claim}: a new article, a changed one with its next revision, a duplicate of the
     * latest revision (which may still be on its way to Kafka: wait for {@link #settled()}), or a stale version,
     * older than the one taken already ({@link #state()} is the recorded one).
     */
    public static final class Claim {

        public enum Kind {
            NEW,
            CHANGED,
            DUPLICATE,
            STALE
        }

        private final String articleId;
        private final Kind kind;
        private final ArticleState state;
        private final Entry entry;

        private Claim(String articleId, Kind kind, ArticleState state, Entry entry) {
            this.articleId = articleId;
            this.kind = kind;
            this.state = state;
            this.entry = entry;
        }

        public String articleId() {
            return articleId;
        }

        public Kind kind() {
            return kind;
        }

        public long revision() {
            return state.revision();
        }

        public ArticleState state() {
            return state;
        }

        /** Completes when the claimed (or duplicated) revision is on Kafka, exceptionally when it never will be. */
        public CompletableFuture<Void> settled() {
            return entry.settled;
        }
    }
}
