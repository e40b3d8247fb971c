package dev.ringlab.experiment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes an experiment's charts (PNG) and figures (CSV) into a folder, and says which files it wrote. */
public final class ExperimentFiles {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;

    private ExperimentFiles() {
    }

    /** a1.csv, a1.png */
    public static List<Path> write(DistributionResult result, Path folder) throws IOException {
        return csvAndChart(folder, "a1", file -> CsvExport.distribution(result, file),
                ExperimentCharts.distribution(result));
    }

    /** a2.csv, a2.png */
    public static List<Path> write(ScalingResult result, Path folder) throws IOException {
        return csvAndChart(folder, "a2", file -> CsvExport.scaling(result, file), ExperimentCharts.scaling(result));
    }

    /** a3.csv (per time bucket), a3-events.csv, a3.png */
    public static List<Path> write(FailoverResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("a3.csv");
        Path events = folder.resolve("a3-events.csv");
        Path png = folder.resolve("a3.png");
        CsvExport.failover(result, csv);
        CsvExport.failoverEvents(result, events);
        png(ExperimentCharts.failover(result), png);
        return List.of(csv, events, png);
    }

    /** a4-distribution.csv, a4-scaling.csv, a4.png (the two charts side by side) */
    public static List<Path> write(HashComparisonResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path distribution = folder.resolve("a4-distribution.csv");
        Path scaling = folder.resolve("a4-scaling.csv");
        Path png = folder.resolve("a4.png");
        CsvExport.hashDistribution(result, distribution);
        CsvExport.hashScaling(result, scaling);
        sideBySide(List.of(ExperimentCharts.hashDistribution(result), ExperimentCharts.hashScaling(result)), png);
        return List.of(distribution, scaling, png);
    }

    private interface CsvWriter {
        void write(Path file) throws IOException;
    }

    private static List<Path> csvAndChart(Path folder, String name, CsvWriter csv, JFreeChart chart)
            throws IOException {
        Files.createDirectories(folder);
        Path figures = folder.resolve(name + ".csv");
        Path png = folder.resolve(name + ".png");
        csv.write(figures);
        png(chart, png);
        return List.of(figures, png);
    }

    public static void png(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Several charts in one PNG, left to right, each as large as a single chart. */
    public static void sideBySide(List<JFreeChart> charts, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * charts.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(graphics, new Rectangle2D.Double(i * WIDTH, 0, WIDTH, HEIGHT));
            }
        } finally {
            graphics.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }
}
