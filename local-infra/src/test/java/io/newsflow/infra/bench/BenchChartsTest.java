package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchChartsTest {

    @Test
    void articlesAreCountedInTheSecondTheyArrivedWithEmptySecondsAsZero() {
        var bins = BenchCharts.perSecond(10_000, List.of(10_100L, 10_900L, 12_500L, 9_000L));

        assertThat(bins)
                .containsExactly(java.util.Map.entry(0L, 3), java.util.Map.entry(1L, 0), java.util.Map.entry(2L, 1));
    }

    @Test
    void bothChartsAreWrittenAsPng(@TempDir Path folder) throws Exception {
        var stages = new LinkedHashMap<String, Collection<Long>>();
        stages.put("acknowledged", List.of(1_100L, 1_200L));
        stages.put("searchable", List.of(2_500L, 3_100L));
        var throughput = folder.resolve("t.png");
        var latency = folder.resolve("l.png");

        BenchCharts.throughput(throughput, 1_000, stages);
        BenchCharts.latencyCdf(latency, new Percentiles(List.of(100L, 300L, 200L)), 5);

        for (var file : List.of(throughput, latency)) {
            var bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        }
    }
}
