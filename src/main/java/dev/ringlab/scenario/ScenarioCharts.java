package dev.ringlab.scenario;

import dev.ringlab.experiment.ChartStyle;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.ServerLoad;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The charts and CSV files of a scenario's own steps (analyses bring theirs). */
final class ScenarioCharts {

    private ScenarioCharts() {
    }

    /** Requests per server, one bar each, in the colours the side-by-side chart gives the same servers. */
    static JFreeChart loads(String title, List<ServerLoad> loads) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        loads.forEach(load -> data.addValue(load.requests(), load.server(), "requests per server"));
        JFreeChart chart = ChartFactory.createBarChart(title, null, "requests", data, PlotOrientation.VERTICAL,
                true, false, false);
        return styled(chart);
    }

    /**
     * Every send of a run side by side: per server, the share of requests it answered in each step, so a
     * lesson like "1, 9, 100 virtual nodes" shows its point in one picture.
     */
    static JFreeChart sideBySide(String title, Map<String, List<ServerLoad>> sends) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        sends.forEach((label, loads) -> {
            long total = Math.max(1, loads.stream().mapToLong(ServerLoad::requests).sum());
            loads.forEach(load -> data.addValue(100.0 * load.requests() / total, load.server(), label));
        });
        JFreeChart chart = ChartFactory.createBarChart(title, null, "share of requests (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        return styled(chart);
    }

    /**
     * The analyses' slide style: ink on white, flat bars, and each server in the house palette (solid,
     * colour-blind-safe, at least 3:1 on white) the colour it has on the ring and in every other chart (rows are servers).
     */
    private static JFreeChart styled(JFreeChart chart) {
        ChartStyle.slide(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.getDomainAxis().setTickLabelFont(ChartStyle.TICKS);
        plot.getRangeAxis().setTickLabelFont(ChartStyle.TICKS);
        plot.getRangeAxis().setLabelFont(ChartStyle.AXIS);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int series = 0; series < plot.getDataset().getRowCount(); series++) {
            bars.setSeriesPaint(series, ChartStyle.server(String.valueOf(plot.getDataset().getRowKey(series))));
        }
        return chart;
    }

    static void png(JFreeChart chart, Path file) throws IOException {
        ExperimentFiles.png(chart, file);
    }

    /** A single step's chart: smaller than an analysis's, since a lesson has many. */
    static void stepPng(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 420);
    }

    static void writeLoadsCsv(List<ServerLoad> loads, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("server", "requests").get())) {
            for (ServerLoad load : loads) {
                csv.printRecord(load.server(), load.requests());
            }
        }
    }
}
