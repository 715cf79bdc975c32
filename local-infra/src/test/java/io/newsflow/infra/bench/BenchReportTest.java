package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final BenchReport REPORT = new BenchReport(
            List.of(
                    new BenchReport.Stage(
                            "acknowledged by ingest",
                            500,
                            10.0,
                            Optional.of(new BenchReport.Anchor("Kafka producer, acks=all", 500, 0.5))),
                    new BenchReport.Stage("on the enriched topic", 500, 20.0, Optional.empty())),
            new BenchReport.Latency(12.5, 250, new Percentiles(List.of(100L, 200L, 300L, 400L))),
            new BenchReport.Search(20, 1000, 3, 10.0, new Percentiles(List.of(5L, 15L, 25L))),
            "1.50, 2.00, 2.50",
            "3.00, 2.00, 1.00",
            List.of("Deleted: the scratch topic."));

    @Test
    void eachStageHasItsRateAndItsRatioToTheAnchor() {
        var table = REPORT.table();

        assertThat(table)
                .contains("| acknowledged by ingest | 500 | 10.0 | 50.0 | Kafka producer, acks=all | 1000.0 | 0.050 |")
                .contains("| on the enriched topic | 500 | 20.0 | 25.0 | - | - | - |");
    }

    @Test
    void latencyAndSearchLinesGiveTheirPercentiles() {
        assertThat(REPORT.table())
                .contains("at 12.5 articles/s (250 sent, 4 measured): p50 200 ms, p95 400 ms, p99 400 ms")
                .contains("20 concurrent clients: 1000 requests in 10.0 s (100.0/s), 3 errors; p50 15 ms, p95 25 ms");
    }

    @Test
    void theMarkdownNamesTheCommandTheLoadAndTheNotes() {
        var markdown = REPORT.markdown("20261202-173000", "./newsflow bench x --articles 500");

        assertThat(markdown)
                .startsWith("# Newsflow end-to-end benchmark 20261202-173000")
                .contains("Command: `./newsflow bench x --articles 500`")
                .contains("before: 1.50, 2.00, 2.50; after: 3.00, 2.00, 1.00")
                .contains("- Deleted: the scratch topic.");
    }

    @Test
    void aStageWithoutTimeHasNoRateRatherThanInfinity() {
        var stage = new BenchReport.Stage("x", 0, 0, Optional.of(new BenchReport.Anchor("a", 1, 0)));

        assertThat(stage.rate()).isZero();
        assertThat(stage.ratio()).isEmpty();
    }

    @Test
    void theProgressBarShowsSearchableThenAcknowledged() {
        assertThat(Progress.line(30, 20, 10))
                .isEqualTo("  [##########++++++++++..........] 20/30 acknowledged, 10 searchable");
    }
}
