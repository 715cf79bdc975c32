package io.newsflow.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.load.IndexedArticles.Indexed;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexAuditTest {

    private static Acknowledged acked(String id, long revision) {
        return new Acknowledged(id, revision);
    }

    private static Indexed indexed(String id, long revision) {
        return new Indexed(id, id, revision, revision);
    }

    @Test
    void everyArticleAtItsNewestAcknowledgedRevisionIsComplete() {
        var audit = IndexAudit.of(
                List.of(acked("a", 1), acked("b", 1), acked("a", 2)), List.of(indexed("b", 1), indexed("a", 2)));

        assertThat(audit.complete()).isTrue();
        assertThat(audit.acknowledged()).isEqualTo(3);
        assertThat(audit.articles()).isEqualTo(2);
        assertThat(audit.searchable()).isEqualTo(2);
        assertThat(audit.revised()).isEqualTo(1);
        assertThat(audit.lost()).isEmpty();
        assertThat(audit.duplicated()).isEmpty();
        assertThat(audit.regressed()).isEmpty();
    }

    @Test
    void anOlderRevisionInTheIndexThanAcknowledgedRegressed() {
        var audit = IndexAudit.of(List.of(acked("a", 1), acked("a", 2)), List.of(indexed("a", 1)));

        assertThat(audit.complete()).isFalse();
        assertThat(audit.regressed()).containsExactly("a: revision 1, version 1 instead of 2");
        assertThat(audit.lost()).as("it is searchable, at the wrong revision").isEmpty();
        assertThat(audit.searchable()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedArticleMissingFromTheIndexIsLost() {
        var audit = IndexAudit.of(List.of(acked("a", 1), acked("b", 1), acked("b", 2)), List.of(indexed("a", 1)));

        assertThat(audit.lost()).containsExactly("b");
        assertThat(audit.complete()).isFalse();
    }

    @Test
    void theSameRevisionAcknowledgedTwiceIsADuplicateANewerOneUnacknowledged() {
        var audit = IndexAudit.of(
                List.of(acked("a", 1), acked("a", 1), acked("b", 2), acked("b", 2), acked("c", 1)),
                List.of(indexed("a", 1), indexed("b", 2), indexed("c", 3)));

        assertThat(audit.duplicated())
                .containsExactly("a: acknowledged for two articles", "b: acknowledged for two articles at revision 2");
        assertThat(audit.unacknowledged())
                .as("a newer revision than acknowledged: its request failed after ingest wrote it")
                .containsExactly("c: revision 3, version 3 instead of 1");
        assertThat(audit.complete()).as("duplicates lose nothing").isTrue();
    }

    @Test
    void aVersionOtherThanTheRevisionOrASecondDocumentIsADuplicate() {
        var audit = IndexAudit.of(
                List.of(acked("a", 1), acked("b", 1)),
                List.of(new Indexed("a", "a", 1, 2), indexed("b", 1), new Indexed("b-again", "b", 1, 1)));

        assertThat(audit.duplicated())
                .containsExactly("a: revision 1, version 2 instead of 1", "b: a further document b-again");
    }

    @Test
    void aDocumentNobodyAcknowledgedIsToldApartWithoutFailingTheAudit() {
        var audit = IndexAudit.of(List.of(acked("a", 1)), List.of(indexed("a", 1), indexed("z", 1)));

        assertThat(audit.unacknowledged()).containsExactly("z: in the index, never acknowledged");
        assertThat(audit.duplicated()).isEmpty();
        assertThat(audit.complete()).isTrue();
    }

    @Test
    void readsTheAcknowledgedIdsFileWithAndWithoutRevisions() {
        assertThat(Acknowledged.parse(List.of("a\t2", "b", "", "  c\t1  ")))
                .containsExactly(acked("a", 2), acked("b", 1), acked("c", 1));
        assertThat(acked("a", 3).line()).isEqualTo("a\t3");
        assertThatThrownBy(() -> Acknowledged.parse(List.of("a\ttwo")))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("a\ttwo");
    }
}
