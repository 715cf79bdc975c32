package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            new BenchReport.Cpu(
                    500, 20.0, 2, Map.of("enrich-service", 8.0), Map.of("enrichment alone (its process)", 2.5)),
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
    void cpuGivesEachProcessPerArticleAndTheRateTheCoresAllow() {
        assertThat(REPORT.table())
                .contains("CPU over the full-speed flow (500 articles, 20.0 s, 2 cores)")
                // 8 CPU-s over 500 articles; 8 of the 40 core-seconds the flow had
                .contains("| enrich-service | 8.0 | 16.00 | 20% |")
                // 2 cores * 500 articles / 8 CPU-s
                .contains("At 16.0 CPU ms per article in all, 2 cores allow at most 125.0 articles/s end to end.")
                .contains("The same articles, in CPU ms per article: enrichment alone (its process) 5.00.");
    }

    @Test
    void cpuOfAProcessThatRestartedCountsFromItsNewStart() {
        var before = Map.of("kafka", Duration.ofSeconds(50), "search-service", Duration.ofSeconds(10));
        var after = Map.of(
                "kafka",
                Duration.ofSeconds(5),
                "kafka-2",
                Duration.ofSeconds(3),
                "search-service",
                Duration.ofSeconds(14));
        var cpu = Bench.cpu(before, after, 1, 1.0, Map.of());

        assertThat(cpu.byProcess())
                .containsEntry("search-service", 4.0)
                .containsEntry("kafka", 5.0)
                .containsEntry("kafka-2", 3.0);
        assertThat(Bench.used(before, after, name -> name.startsWith("kafka"))).isEqualTo(8.0);
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
