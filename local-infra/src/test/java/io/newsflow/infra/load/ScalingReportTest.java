package io.newsflow.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.load.IndexedArticles.Indexed;
import io.newsflow.infra.load.ScalingReport.Work;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingReportTest {

    private static Indexed indexed(String id) {
        return new Indexed(id, id, 1, 1);
    }

    private static String printed(ScalingReport report) {
        var output = new ByteArrayOutputStream();
        report.print(new PrintStream(output, true, StandardCharsets.UTF_8));
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyAcknowledgedArticleOnceInTheIndexIsClean() {
        var report = ScalingReport.of(
                List.of("a", "b", "c"),
                List.of(indexed("c"), indexed("a"), indexed("b")),
                List.of(
                        new Work("newsflow-enrich-service-1", "enriched", 2, "4 partitions when scaled out"),
                        new Work("newsflow-enrich-service-2", "enriched", 2, ""),
                        new Work("newsflow-search-service-1", "indexed", 3, "")));

        assertThat(report.clean()).isTrue();
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.searchable()).isEqualTo(3);
        assertThat(report.lost()).isEmpty();
        assertThat(report.duplicated()).isEmpty();
        assertThat(printed(report))
                .contains("sent              3")
                .contains("lost              0")
                .contains("duplicated        0  (each article once in the index")
                .contains("newsflow-enrich-service-1  enriched      2  4 partitions when scaled out")
                .contains("enriched in all: 4 for 3 articles sent (1 processed again")
                .contains("indexed in all: 3 for 3 articles sent\n");
    }

    @Test
    void anAcknowledgedArticleMissingFromTheIndexIsLost() {
        var report = ScalingReport.of(List.of("a", "b"), List.of(indexed("a")), List.of());

        assertThat(report.clean()).isFalse();
        assertThat(report.lost()).containsExactly("b");
        assertThat(report.searchable()).isEqualTo(1);
        assertThat(printed(report)).contains("lost              1  e.g. b");
    }

    @Test
    void aSecondDocumentOfAnArticleIsADuplicate() {
        var report = ScalingReport.of(
                List.of("a", "b"), List.of(indexed("a"), indexed("b"), new Indexed("b-again", "b", 1, 1)), List.of());

        assertThat(report.clean()).isFalse();
        assertThat(report.searchable()).isEqualTo(2);
        assertThat(report.duplicated()).singleElement().asString().contains("b-again");
    }

    @Test
    void aDocumentNobodyAcknowledgedIsADuplicate() {
        var report = ScalingReport.of(List.of("a"), List.of(indexed("a"), indexed("z")), List.of());

        assertThat(report.duplicated()).containsExactly("z: in the index, never acknowledged");
        assertThat(report.lost()).isEmpty();
    }

    @Test
    void anArticleIndexedAtALaterRevisionWasTakenForAnUpdateSoSentTwice() {
        var report = ScalingReport.of(List.of("a", "b"), List.of(indexed("a"), new Indexed("b", "b", 2, 2)), List.of());

        assertThat(report.clean()).isFalse();
        assertThat(report.duplicated()).containsExactly("b: revision 2, version 2 instead of 1");
        assertThat(report.lost()).as("it is in the index all the same").isEmpty();
    }

    @Test
    void anIdAcknowledgedForTwoArticlesIsADuplicate() {
        var report = ScalingReport.of(List.of("a", "a"), List.of(indexed("a")), List.of());

        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.duplicated()).containsExactly("a: acknowledged for two articles");
    }

    @Test
    void nothingSentIsNoSuccess() {
        assertThat(ScalingReport.of(List.of(), List.of(), List.of()).clean()).isFalse();
    }

    @Test
    void readsTheWorkLinesTheScriptWrites() {
        assertThat(ScalingRun.work(
                        List.of("newsflow-search-service-2\tindexed\t812\tstopped by the scale-in", "c\tenriched\t0")))
                .containsExactly(
                        new Work("newsflow-search-service-2", "indexed", 812, "stopped by the scale-in"),
                        new Work("c", "enriched", 0, ""));
        assertThatThrownBy(() -> ScalingRun.work(List.of("c\tenriched\tmany")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void theCommandLineNamesWhatIsWrong() {
        var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ScalingRun.run(List.of("stream", "--count", "3"), java.util.Map.of(), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--run is required");
        assertThatThrownBy(() -> ScalingRun.run(List.of("stream", "--run"), java.util.Map.of(), out))
                .hasMessage("--run needs a value");
        assertThatThrownBy(() -> ScalingRun.run(List.of("scale"), java.util.Map.of(), out))
                .hasMessage("unknown step scale");
    }
}
