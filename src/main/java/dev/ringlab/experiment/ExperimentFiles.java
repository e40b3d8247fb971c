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

    interface CsvWriter {
        void write(Path file) throws IOException;
    }

    static List<Path> csvAndChart(Path folder, String name, CsvWriter csv, JFreeChart chart) throws IOException {
        Files.createDirectories(folder);
        Path figures = folder.resolve(name + ".csv");
        Path png = folder.resolve(name + ".png");
        csv.write(figures);
        png(chart, png);
        return List.of(figures, png);
    }

    /** {@code data.csv} with {@code -events} is {@code data-events.csv}: a companion file next to the chosen one. */
    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + suffix + ".csv");
    }

    /** Pixels per point in every PNG: twice the on-screen size, sharp on a projector and a slide. */
    public static final int SCALE = 2;

    /** The chart laid out at {@link #WIDTH} x {@link #HEIGHT} points and drawn at {@link #SCALE}x. */
    public static void png(JFreeChart chart, Path file) throws IOException {
        png(chart, file, WIDTH, HEIGHT);
    }

    /** The chart laid out at {@code width} x {@code height} points and drawn at {@link #SCALE}x. */
    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        sideBySide(List.of(chart), file, width, height);
    }

    /** Several charts in one PNG, left to right, each as large as a single chart. */
    public static void sideBySide(List<JFreeChart> charts, Path file) throws IOException {
        sideBySide(charts, file, WIDTH, HEIGHT);
    }

    private static void sideBySide(List<JFreeChart> charts, Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width * charts.size() * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.scale(SCALE, SCALE);
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(graphics, new Rectangle2D.Double(i * width, 0, width, height));
            }
        } finally {
            graphics.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }
}
