package dev.ringlab.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of every experiment, as JFreeChart objects: written to PNG headless by
 * {@link ExperimentFiles} and embedded as they are by the window.
 */
public final class ExperimentCharts {

    /** assignment red, murmur3 blue, assignment-v2 an orange far lighter than the red. */
    private static final Color[] HASH_COLORS = {new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4),
        new Color(0xE6, 0x9F, 0x00)};
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ExperimentCharts() {
    }

    /** a bar per server, its count on top; the subtitle gives the spread and the even share. */
    public static JFreeChart distribution(DistributionResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        result.loads().forEach(load -> dataset.addValue(load.requests(), "requests", load.server()));
        JFreeChart chart = ChartFactory.createBarChart(
                "A-1: " + count(result.parameters().workload().requests()) + " requests over "
                        + result.parameters().servers() + " servers (" + result.hash() + " hash)",
                "server", "requests answered", dataset, PlotOrientation.VERTICAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        styleBars(plot, new Color[] {HASH_COLORS[indexOf(result.hash())]});
        chart.addSubtitle(subtitle(describe(result.parameters().ring(), result.parameters().workload())
                + spreadLine(result.spread())));
        return chart;
    }

    /** the mean load per server against N with a band of one standard deviation, and min and max. */
    public static JFreeChart scaling(ScalingResult result) {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        band.addSeries(meanBand("mean ± std dev", result));
        XYSeriesCollection extremes = new XYSeriesCollection();
        XYSeries min = new XYSeries("min");
        XYSeries max = new XYSeries("max");
        for (ScalingStep step : result.steps()) {
            min.add(step.servers(), step.spread().min());
            max.add(step.servers(), step.spread().max());
        }
        extremes.addSeries(max);
        extremes.addSeries(min);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "A-2: requests per server against N (" + result.hash() + " hash)",
                "servers (N)", "requests per server", band, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        styleXy(plot);
        Color color = HASH_COLORS[indexOf(result.hash())];
        plot.setRenderer(0, deviation(color));
        plot.setDataset(1, extremes);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, color.darker());
        lines.setSeriesPaint(1, color.brighter());
        lines.setSeriesStroke(0, dashed(2f));
        lines.setSeriesStroke(1, dashed(2f));
        plot.setRenderer(1, lines);
        chart.addSubtitle(subtitle(describe(result.parameters().ring(), result.parameters().workload())
                + " at each N from " + result.parameters().minServers() + " to " + result.parameters().maxServers()));
        return chart;
    }

    /**
     * requests per second over time, answered, retried and failed, with a vertical marker where
     * the server was killed, detected dead and replaced; marker labels are stacked so none hides another.
     */
    public static JFreeChart failover(FailoverResult result) {
        XYSeries ok = new XYSeries("answered");
        XYSeries retried = new XYSeries("retried clockwise");
        XYSeries failed = new XYSeries("failed");
        for (TimeBucket bucket : result.buckets()) {
            double at = bucket.startMillis() / 1000.0;
            ok.add(at, bucket.rate(bucket.ok()));
            retried.add(at, bucket.rate(bucket.retried()));
            failed.add(at, bucket.rate(bucket.failed()));
        }
        if (!result.buckets().isEmpty()) {
            // Each bucket is drawn as a step over its whole width, so the last one needs its end too.
            TimeBucket last = result.buckets().get(result.buckets().size() - 1);
            ok.add(last.endMillis() / 1000.0, last.rate(last.ok()));
            retried.add(last.endMillis() / 1000.0, last.rate(last.retried()));
            failed.add(last.endMillis() / 1000.0, last.rate(last.failed()));
        }
        XYSeriesCollection answered = new XYSeriesCollection(ok);
        XYSeriesCollection trouble = new XYSeriesCollection();
        trouble.addSeries(retried);
        trouble.addSeries(failed);
        FailoverParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createXYLineChart(
                "A-3: " + result.victim() + " killed during " + count(parameters.workload().requests())
                        + " requests at " + count(parameters.rate()) + "/s",
                "time (s)", "answered per second", answered, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        styleXy(plot);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createStandardTickUnits());
        // Room above the lines for the stacked marker labels.
        plot.getRangeAxis().setUpperMargin(0.45);
        XYStepRenderer answeredLine = new XYStepRenderer();
        answeredLine.setSeriesPaint(0, new Color(0x2C, 0xA0, 0x2C));
        answeredLine.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(0, answeredLine);
        // Retries and failures are a few percent of the traffic at most: their own axis keeps them visible.
        NumberAxis troubleAxis = new NumberAxis("retried / failed per second");
        troubleAxis.setAutoRangeIncludesZero(true);
        troubleAxis.setRangeType(org.jfree.data.RangeType.POSITIVE); // counts: no negative axis when all are 0
        troubleAxis.setUpperMargin(0.45);
        troubleAxis.setAutoRangeMinimumSize(10);
        plot.setRangeAxis(1, troubleAxis);
        plot.setDataset(1, trouble);
        plot.mapDatasetToRangeAxis(1, 1);
        XYStepRenderer troubleLines = new XYStepRenderer();
        troubleLines.setSeriesPaint(0, new Color(0xFF, 0x7F, 0x0E));
        troubleLines.setSeriesPaint(1, new Color(0xD6, 0x27, 0x28));
        troubleLines.setSeriesStroke(0, new BasicStroke(2f));
        troubleLines.setSeriesStroke(1, dashed(2f));
        plot.setRenderer(1, troubleLines);
        double end = result.buckets().isEmpty() ? 1 : result.buckets().get(result.buckets().size() - 1).endMillis() / 1000.0;
        // A detection or replacement after the last request still gets its marker on the chart.
        for (Double millis : new Double[] {result.killedAtMillis(), result.detectedAtMillis(), result.replacedAtMillis()}) {
            if (millis != null) {
                end = Math.max(end, millis / 1000.0 * 1.02);
            }
        }
        plot.getDomainAxis().setRange(0, end);
        int row = 0;
        row = marker(plot, result.killedAtMillis(), "killed " + result.victim(), new Color(0xD6, 0x27, 0x28), row, end);
        row = marker(plot, result.detectedAtMillis(), "detected dead", new Color(0x94, 0x67, 0xBD), row, end);
        marker(plot, result.replacedAtMillis(), result.replacement() == null ? "replaced"
                : "replaced by " + result.replacement(), new Color(0x1F, 0x77, 0xB4), row, end);
        chart.addSubtitle(subtitle(describe(parameters.ring(), parameters.workload()) + String.format(Locale.ROOT,
                "; %s servers, %d ms buckets; %s ok, %s retried, %s failed", parameters.servers(),
                parameters.bucket().toMillis(), count(result.ok()), count(result.retried()), count(result.failed()))));
        return chart;
    }

    /** A labelled vertical line at {@code millis}; the label goes left of the line near the right edge. */
    private static int marker(XYPlot plot, Double millis, String label, Color color, int row, double end) {
        if (millis == null) {
            return row;
        }
        double seconds = millis / 1000.0;
        ValueMarker marker = new ValueMarker(seconds, color, new BasicStroke(1.5f));
        marker.setLabel(String.format(Locale.ROOT, "%s (%.2f s)", label, seconds));
        marker.setLabelFont(SUBTITLE);
        marker.setLabelBackgroundColor(LABEL_BACKGROUND);
        marker.setLabelPaint(color.darker());
        boolean rightHalf = seconds > end * 0.6;
        marker.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(6 + 18 * row, 4, 0, 4));
        plot.addDomainMarker(marker, Layer.FOREGROUND);
        return row + 1;
    }

    /** A-4, left: A-1 under each hash function, bars side by side per server. */
    public static JFreeChart hashDistribution(HashComparisonResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (HashRun run : result.runs()) {
            run.distribution().loads().forEach(load -> dataset.addValue(load.requests(), run.hash(), load.server()));
        }
        DistributionParameters first = result.runs().get(0).distribution().parameters();
        JFreeChart chart = ChartFactory.createBarChart(
                "A-4: A-1 again, " + hashes(result),
                "server", "requests answered", dataset, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        Color[] colors = result.runs().stream().map(run -> HASH_COLORS[indexOf(run.hash())]).toArray(Color[]::new);
        styleBars(plot, colors);
        chart.addSubtitle(subtitle(count(first.workload().requests()) + " requests over " + first.servers()
                + " servers, seed " + first.workload().seed()));
        return chart;
    }

    /** A-4, right: A-2 under each hash function, the band spanning min to max around the mean. */
    public static JFreeChart hashScaling(HashComparisonResult result) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (HashRun run : result.runs()) {
            YIntervalSeries series = new YIntervalSeries(run.hash() + " (min to max)");
            run.scaling().steps().forEach(step ->
                    series.add(step.servers(), step.spread().mean(), step.spread().min(), step.spread().max()));
            bands.addSeries(series);
        }
        ScalingParameters first = result.runs().get(0).scaling().parameters();
        JFreeChart chart = ChartFactory.createXYLineChart("A-4: A-2 again, " + hashes(result),
                "servers (N)", "requests per server", bands, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        styleXy(plot);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        for (int i = 0; i < result.runs().size(); i++) {
            Color color = HASH_COLORS[indexOf(result.runs().get(i).hash())];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.18f);
        plot.setRenderer(renderer);
        chart.addSubtitle(subtitle(count(first.workload().requests()) + " requests at each N from "
                + first.minServers() + " to " + first.maxServers() + ", seed " + first.workload().seed()
                + "; line = mean (requests / N for both), band = min to max"));
        return chart;
    }

    private static YIntervalSeries meanBand(String name, ScalingResult result) {
        YIntervalSeries series = new YIntervalSeries(name);
        for (ScalingStep step : result.steps()) {
            LoadSpread spread = step.spread();
            series.add(step.servers(), spread.mean(), Math.max(0, spread.mean() - spread.stdDev()),
                    spread.mean() + spread.stdDev());
        }
        return series;
    }

    private static DeviationRenderer deviation(Color color) {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesFillPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setAlpha(0.2f);
        return renderer;
    }

    private static void styleBars(CategoryPlot plot, Paint[] colors) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.getRangeAxis().setUpperMargin(0.12);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", NumberFormat.getIntegerInstance(Locale.ROOT)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SUBTITLE);
    }

    static void styleXy(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.1);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
    }

    static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text, SUBTITLE);
        title.setPaint(Color.DARK_GRAY);
        return title;
    }

    static String describe(dev.ringlab.ring.RingConfig ring, Workload workload) {
        return String.format(Locale.ROOT, "%s requests, seed %d, %d slots × %d virtual nodes, %s probing",
                count(workload.requests()), workload.seed(), ring.slots(), ring.virtualNodesPerServer(),
                ring.probing().label());
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }

    private static String spreadLine(LoadSpread spread) {
        return String.format(Locale.ROOT, "; min %s, max %s, std dev %s; even share %s", count(spread.min()),
                count(spread.max()), count(Math.round(spread.stdDev())), count(Math.round(spread.mean())));
    }

    private static String hashes(HashComparisonResult result) {
        return String.join(" vs ", result.runs().stream().map(HashRun::hash).toList()) + " hash";
    }

    /** Assignment is always red and murmur3 blue, so charts side by side read alike. */
    private static int indexOf(String hash) {
        return "murmur3".equals(hash) ? 1 : "assignment-v2".equals(hash) ? 2 : 0;
    }
}
