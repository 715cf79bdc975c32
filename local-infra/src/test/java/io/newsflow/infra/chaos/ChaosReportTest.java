package io.newsflow.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.infra.load.Acknowledged;
import io.newsflow.infra.load.IndexAudit;
import io.newsflow.infra.load.IndexedArticles.Indexed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

    private static final IndexAudit CLEAN = IndexAudit.of(
            List.of(new Acknowledged("a", 1), new Acknowledged("b", 1), new Acknowledged("a", 2)),
            List.of(new Indexed("a", "a", 2, 2), new Indexed("b", "b", 1, 1)));

    private static ScenarioResult result(Scenario scenario, IndexAudit audit) {
        return new ScenarioResult(
                scenario,
                audit,
                7,
                0,
                ScenarioResult.Pills.NONE,
                Duration.ofMillis(61_250),
                Optional.of(Duration.ofMillis(3_400)),
                List.of(),
                List.of());
    }

    @Test
    void aScenarioThatLostNothingPassesAndItsRowSaysWhatHappened() {
        var report = new ChaosReport(List.of(result(Scenario.KILL_ENRICH, CLEAN)));

        assertThat(report.passed()).isTrue();
        assertThat(report.rows())
                .containsExactly(List.of(
                        "kill-enrich", "3 (1 revised)", "7", "2", "0", "0", "0", "0", "61.3 s", "3.4 s", "pass"));
        assertThat(report.table())
                .startsWith("scenario      acknowledged  refused  searchable  lost")
                .contains("kill-enrich  3 (1 revised)        7           2     0");
    }

    @Test
    void aLostOrRegressedArticleFailsTheScenario() {
        var lost = IndexAudit.of(List.of(new Acknowledged("a", 1)), List.of());
        var regressed = IndexAudit.of(
                List.of(new Acknowledged("a", 1), new Acknowledged("a", 2)), List.of(new Indexed("a", "a", 1, 1)));

        var report = new ChaosReport(List.of(
                result(Scenario.KILL_SEARCH, lost),
                result(Scenario.FREEZE_ELASTICSEARCH, regressed),
                result(Scenario.KILL_INGEST, CLEAN)));

        assertThat(report.passed()).isFalse();
        assertThat(report.rows()).extracting(List::getLast).containsExactly("FAIL", "FAIL", "pass");
        assertThat(report.table())
                .contains("kill-search: 1 lost, e.g. a")
                .contains("freeze-elasticsearch: 1 regressed, e.g. a: revision 1, version 1 instead of 2");
    }

    @Test
    void deadLetteredArticlesPillsLeftOverAndNoRecoveryFailToo() {
        var deadLettered = new ScenarioResult(
                Scenario.READ_ONLY_ELASTICSEARCH,
                CLEAN,
                0,
                2,
                ScenarioResult.Pills.NONE,
                Duration.ofSeconds(30),
                Optional.of(Duration.ofSeconds(1)),
                List.of(),
                List.of());
        var pills = new ScenarioResult(
                Scenario.POISON_PILLS,
                CLEAN,
                0,
                0,
                new ScenarioResult.Pills(6, 5),
                Duration.ZERO,
                Optional.of(Duration.ofSeconds(1)),
                List.of(),
                List.of());
        var stuck = new ScenarioResult(
                Scenario.KILL_KAFKA,
                CLEAN,
                0,
                0,
                ScenarioResult.Pills.NONE,
                Duration.ofSeconds(30),
                Optional.empty(),
                List.of(),
                List.of());

        assertThat(deadLettered.failures()).containsExactly("2 acknowledged articles on a dead-letter topic");
        assertThat(pills.failures()).containsExactly("1 of 6 poison pills not on a dead-letter topic");
        assertThat(stuck.failures()).containsExactly("did not recover within the timeout");
        assertThat(new ChaosReport(List.of(pills)).rows().getFirst()).contains("0 (pills 5/6)");
        assertThat(new ChaosReport(List.of(stuck)).rows().getFirst()).contains("no");
    }

    @Test
    void nothingAcknowledgedIsNoSuccess() {
        assertThat(result(Scenario.KILL_INGEST, IndexAudit.of(List.of(), List.of()))
                        .failures())
                .containsExactly("nothing was acknowledged");
    }

    @Test
    void theMarkdownHasTheTableTheCommandAndWhatEachColumnMeans() {
        var markdown = new ChaosReport(List.of(result(Scenario.KILL_ENRICH, CLEAN)))
                .markdown(Instant.parse("2026-12-02T02:00:00Z"), "./newsflow chaos kill-enrich");

        assertThat(markdown)
                .startsWith("# Chaos run 2026-12-02T02:00:00Z\n\n`./newsflow chaos kill-enrich`\n\n")
                .contains("| scenario | acknowledged | refused | searchable | lost | duplicated | regressed |")
                .contains("| kill-enrich | 3 (1 revised) | 7 | 2 | 0 | 0 | 0 | 0 | 61.3 s | 3.4 s | pass |")
                .contains("- **kill-enrich**: SIGKILL of enrich mid-stream")
                .contains("regressed: searchable at an older revision");
    }
}
