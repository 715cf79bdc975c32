package io.newsflow.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.state.Ledger.Claim.Kind;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void aNewArticleGetsRevisionOneAndTheSameContentIsThenADuplicate() {
        var first = ledger.claim("a", "h1");
        ledger.confirm(first);

        var again = ledger.claim("a", "h1");

        assertThat(first.kind()).isEqualTo(Kind.NEW);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(again.revision()).isEqualTo(1);
        assertThat(again.settled()).isCompleted();
    }

    @Test
    void changedContentGetsTheNextRevision() {
        ledger.confirm(ledger.claim("a", "h1"));

        var changed = ledger.claim("a", "h2");

        assertThat(changed.kind()).isEqualTo(Kind.CHANGED);
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(ledger.get("a")).contains(new ArticleState(2, "h2"));
    }

    @Test
    void aPublishersVersionIsTheRevisionWhenItIsAheadOfTheLedger() {
        var first = ledger.claim("a", "h1", 11);
        ledger.confirm(first);
        var next = ledger.claim("a", "h2", 0);
        ledger.confirm(next);

        var newer = ledger.claim("a", "h3", 12);

        assertThat(first.revision()).isEqualTo(11);
        assertThat(next.revision()).isEqualTo(12);
        assertThat(newer.kind()).isEqualTo(Kind.CHANGED);
        assertThat(newer.revision()).isEqualTo(13);
        assertThat(newer.state()).isEqualTo(new ArticleState(13, "h3", 12));
    }

    @Test
    void anOlderVersionThanTheOneTakenIsStaleAndChangesNothing() {
        ledger.confirm(ledger.claim("a", "h5", 5));
        ledger.confirm(ledger.claim("a", "h6", 0));

        var older = ledger.claim("a", "h4", 4);

        assertThat(older.kind()).isEqualTo(Kind.STALE);
        assertThat(older.state()).isEqualTo(new ArticleState(6, "h6", 5));
        assertThat(ledger.get("a")).contains(new ArticleState(6, "h6", 5));
        assertThat(ledger.claim("a", "h7", 7).revision()).isEqualTo(7);
    }

    @Test
    void theSameVersionIsADuplicateWithItsContentAndTheNextRevisionWithOther() {
        ledger.confirm(ledger.claim("a", "h1", 3));

        var again = ledger.claim("a", "h1", 3);
        var corrected = ledger.claim("a", "h1b", 3);

        assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(again.revision()).isEqualTo(3);
        assertThat(corrected.kind()).isEqualTo(Kind.CHANGED);
        assertThat(corrected.state()).isEqualTo(new ArticleState(4, "h1b", 3));
    }

    @Test
    void anOlderVersionWithTheLatestContentIsADuplicate() {
        ledger.confirm(ledger.claim("a", "h1", 5));

        assertThat(ledger.claim("a", "h1", 4).kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    void theVersionTakenOnAnotherInstanceMakesAnOlderOneStaleHereToo() {
        ledger.apply("a", new ArticleState(9, "theirs", 9));

        assertThat(ledger.claim("a", "mine", 8).kind()).isEqualTo(Kind.STALE);
    }

    @Test
    void aDuplicateOfAClaimStillBeingPublishedWaitsForIt() {
        var first = ledger.claim("a", "h1");

        var duplicate = ledger.claim("a", "h1");

        assertThat(duplicate.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(duplicate.settled()).isNotDone();
        ledger.confirm(first);
        assertThat(duplicate.settled()).isCompleted();
    }

    @Test
    void aClaimThatFailedToPublishIsForgottenAndItsDuplicatesFailToo() {
        ledger.confirm(ledger.claim("a", "h1"));
        var changed = ledger.claim("a", "h2");
        var duplicate = ledger.claim("a", "h2");

        ledger.release(changed, new IllegalStateException("no broker"));

        assertThat(duplicate.settled()).isCompletedExceptionally();
        assertThat(ledger.get("a")).contains(new ArticleState(1, "h1"));
        var retry = ledger.claim("a", "h2");
        assertThat(retry.kind()).isEqualTo(Kind.CHANGED);
        assertThat(retry.revision()).isEqualTo(2);
    }

    @Test
    void releasingANewArticleForgetsItAltogether() {
        var claim = ledger.claim("a", "h1");

        ledger.release(claim, new IllegalStateException("no broker"));

        assertThat(ledger.get("a")).isEmpty();
        assertThat(ledger.claim("a", "h1").kind()).isEqualTo(Kind.NEW);
    }

    @Test
    void aReleasedClaimDoesNotUndoALaterOne() {
        ledger.confirm(ledger.claim("a", "h1"));
        var second = ledger.claim("a", "h2");
        var third = ledger.claim("a", "h3");

        ledger.release(second, new IllegalStateException("no broker"));
        ledger.confirm(third);

        assertThat(ledger.get("a")).contains(new ArticleState(3, "h3"));
    }

    @Test
    void stateFromTheTopicWinsUnlessItIsOlder() {
        ledger.confirm(ledger.claim("a", "h1"));

        ledger.apply("a", new ArticleState(3, "h3"));
        ledger.apply("a", new ArticleState(2, "h2"));

        assertThat(ledger.get("a")).contains(new ArticleState(3, "h3"));
        assertThat(ledger.claim("a", "h4").revision()).isEqualTo(4);
    }

    @Test
    void theTopicsLastWordForARevisionIsEverybodysState() {
        ledger.apply("a", new ArticleState(1, "mine"));

        ledger.apply("a", new ArticleState(1, "theirs"));

        assertThat(ledger.get("a")).contains(new ArticleState(1, "theirs"));
    }

    @Test
    void aPendingClaimIsNotOverwrittenByAnotherInstancesRecordOfTheSameRevision() {
        var mine = ledger.claim("a", "mine");

        ledger.apply("a", new ArticleState(1, "theirs"));

        assertThat(ledger.get("a")).contains(new ArticleState(1, "mine"));
        ledger.confirm(mine);
        ledger.apply("a", new ArticleState(1, "mine"));
        assertThat(ledger.get("a")).contains(new ArticleState(1, "mine"));
    }

    @Test
    void aTombstoneForgetsTheArticle() {
        ledger.apply("a", new ArticleState(1, "h1"));

        ledger.forget("a");

        assertThat(ledger.get("a")).isEmpty();
        assertThat(ledger.size()).isZero();
    }
}
