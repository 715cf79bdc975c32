package io.newsflow.infra.bench;

import io.newsflow.infra.InfraException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNG charts: articles per second at each stage over the full-speed flow, and the latency CDF. */
final class BenchCharts {

    private BenchCharts() {}

    /** Per stage, articles that reached it in each second since {@code start} (epoch ms). */
    static Map<Long, Integer> perSecond(long start, Collection<Long> times) {
        var bins = new TreeMap<Long, Integer>();
        for (var time : times) {
            bins.merge(Math.max(0, (time - start) / 1000), 1, Integer::sum);
        }
        if (!bins.isEmpty()) {
            for (var second = 0L; second <= bins.lastKey(); second++) {
                bins.putIfAbsent(second, 0);
            }
        }
        return bins;
    }

    static void throughput(Path file, long start, LinkedHashMap<String, Collection<Long>> stages) {
        var data = new XYSeriesCollection();
        stages.forEach((name, times) -> {
            var series = new XYSeries(name);
            perSecond(start, times).forEach(series::add);
            data.addSeries(series);
        });
        var chart = ChartFactory.createXYLineChart(
                "Articles per second at each stage (full speed)",
                "seconds since the first send",
                "articles/s",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        save(file, chart);
    }

    static void latencyCdf(Path file, Percentiles latency, double rate) {
        var sorted = latency.sorted();
        var series = new XYSeries("acknowledged to searchable");
        for (var i = 0; i < sorted.length; i++) {
            series.add(sorted[i], (i + 1.0) / sorted.length);
        }
        var chart = ChartFactory.createXYLineChart(
                String.format(java.util.Locale.ROOT, "Latency CDF at %.1f articles/s", rate),
                "milliseconds",
                "share of articles",
                new XYSeriesCollection(series),
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        save(file, chart);
    }

    private static void save(Path file, org.jfree.chart.JFreeChart chart) {
        // points as well as lines: a stage that took everything within one second is a single point
        var plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        if (plot.getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer) {
            renderer.setDefaultShapesVisible(true);
        }
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
