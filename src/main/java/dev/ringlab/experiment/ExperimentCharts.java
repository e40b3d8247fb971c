package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of every analysis, as JFreeChart objects: written to PNG headless by
 * {@link ExperimentFiles} and embedded as they are by the window. Each has a title, a legend, a
 * caption saying what it was made from ({@link ChartStyle}), servers in their own colours and a
 * reference line for the even share.
 */
public final class ExperimentCharts {

    /**
     * Hashes where they are lines and bands, not bars: assignment vermilion, murmur3 blue, the course's
     * second version (assignment-v2) an orange far lighter than the vermilion.
     */
    private static final Color ASSIGNMENT = new Color(0xD55E00);
    private static final Color ASSIGNMENT_V2 = new Color(0xE69F00);
    private static final Color MURMUR3 = new Color(0x0072B2);
    private static final Color ANSWERED = new Color(0x117733);
    private static final Color RETRIED = new Color(0xD55E00);
    private static final Color FAILED = new Color(0xAA0000);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 230);

    private ExperimentCharts() {
    }

    /** a bar per server in its colour, its count on top, and the even share as a line. */
    public static JFreeChart distribution(DistributionResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        result.loads().forEach(load -> dataset.addValue(load.requests(), "requests", load.server()));
        DistributionParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createBarChart(
                "A-1: " + count(parameters.workload().requests()) + " requests over " + parameters.servers()
                        + " servers (" + result.hash() + " hash)",
                "server", "requests answered", dataset, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ServerBars bars = new ServerBars(1);
        styleBars(plot, bars);
        double even = result.loads().isEmpty() ? 0 : (double) result.answered() / result.loads().size();
        plot.addRangeMarker(ChartStyle.reference(even, "even share " + count(Math.round(even))), Layer.FOREGROUND);
        plot.setFixedLegendItems(ChartStyle.items(
                ChartStyle.boxItem("requests a server answered (one colour per server)", result.loads().isEmpty()
                        ? ChartStyle.series(0) : ChartStyle.server(result.loads().get(0).server())),
                ChartStyle.lineItem("even share: answered / N", ChartStyle.REFERENCE, ChartStyle.dashed(2f))));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(spreadLine(result.spread(), result.failed())));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.servers() + " servers",
                parameters.workload(), result.testbed()));
        return chart;
    }

    /**
     * the mean load per server against N (which is the even share) with a band of one standard
     * deviation that never dips below zero, and the busiest and quietest server in colours of their own.
     */
    public static JFreeChart scaling(ScalingResult result) {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        YIntervalSeries mean = new YIntervalSeries("mean = even share (requests / N), band ± 1 std dev");
        XYSeries max = new XYSeries("busiest server (max)");
        XYSeries min = new XYSeries("quietest server (min)");
        for (ScalingStep step : result.steps()) {
            LoadSpread spread = step.spread();
            mean.add(step.servers(), spread.mean(), Math.max(0, spread.mean() - spread.stdDev()),
                    spread.mean() + spread.stdDev());
            max.add(step.servers(), spread.max());
            min.add(step.servers(), spread.min());
        }
        band.addSeries(mean);
        XYSeriesCollection extremes = new XYSeriesCollection();
        extremes.addSeries(max);
        extremes.addSeries(min);
        ScalingParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createXYLineChart(
                "A-2: requests per server against N (" + result.hash() + " hash)",
                "servers (N)", "requests per server", band, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        styleXy(plot);
        DeviationRenderer deviation = new DeviationRenderer(true, true);
        deviation.setSeriesPaint(0, MURMUR3);
        deviation.setSeriesFillPaint(0, MURMUR3);
        deviation.setSeriesStroke(0, new BasicStroke(3f));
        deviation.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        deviation.setAlpha(0.18f);
        plot.setRenderer(0, deviation);
        plot.setDataset(1, extremes);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, ASSIGNMENT);
        lines.setSeriesStroke(0, ChartStyle.dashed(2.5f));
        lines.setSeriesShape(0, triangle(true));
        lines.setSeriesPaint(1, ANSWERED);
        lines.setSeriesStroke(1, ChartStyle.dotted(3f));
        lines.setSeriesShape(1, triangle(false));
        plot.setRenderer(1, lines);
        // Loads are counts: the axis starts at zero, and so does the band.
        ((NumberAxis) plot.getRangeAxis()).setRangeType(RangeType.POSITIVE);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same " + count(parameters.workload().requests())
                + " requests at each N from " + parameters.minServers() + " to " + parameters.maxServers()));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.minServers() + "–"
                + parameters.maxServers() + " servers", parameters.workload(), result.testbed()));
        return chart;
    }

    /**
     * answered requests per second on top, retried and failed on a panel of their own below
     * (each panel's axis says its scale, so a few retries never look as common as the answers), with
     * the kill, the detection and the replacement as labelled lines across both, each label on its
     * own row so none hides another.
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
        FailoverParameters parameters = result.parameters();
        NumberAxis time = new NumberAxis("time since the first request (s)");
        time.setLabelFont(ChartStyle.AXIS);
        time.setTickLabelFont(ChartStyle.TICKS);
        double end = result.buckets().isEmpty() ? 1 : result.buckets().get(result.buckets().size() - 1).endMillis() / 1000.0;
        // A detection or replacement after the last request still gets its line on the chart.
        for (Double millis : new Double[] {result.killedAtMillis(), result.detectedAtMillis(), result.replacedAtMillis()}) {
            if (millis != null) {
                end = Math.max(end, millis / 1000.0 * 1.02);
            }
        }
        time.setRange(0, end);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);

        NumberAxis answeredAxis = countAxis("answered per second");
        XYPlot top = new XYPlot(new XYSeriesCollection(ok), null, answeredAxis, step(ANSWERED, new BasicStroke(2.5f)));
        styleXy(top);
        // Room above the lines for the stacked labels.
        answeredAxis.setUpperMargin(0.40);
        ValueMarker asked = ChartStyle.reference(parameters.rate(), "asked " + count(parameters.rate()) + "/s");
        top.addRangeMarker(asked, Layer.FOREGROUND);

        NumberAxis troubleAxis = countAxis("retried / failed per second");
        troubleAxis.setAutoRangeMinimumSize(10);
        XYSeriesCollection trouble = new XYSeriesCollection();
        trouble.addSeries(retried);
        trouble.addSeries(failed);
        XYStepRenderer troubleLines = step(RETRIED, new BasicStroke(2.5f));
        troubleLines.setSeriesPaint(1, FAILED);
        troubleLines.setSeriesStroke(1, ChartStyle.dashed(2.5f));
        XYPlot bottom = new XYPlot(trouble, null, troubleAxis, troubleLines);
        styleXy(bottom);
        plot.add(top, 3);
        plot.add(bottom, 2);

        List<Milestone> milestones = new ArrayList<>();
        milestones.add(new Milestone(result.killedAtMillis(), "killed " + result.victim(), new Color(0xAA0000)));
        milestones.add(new Milestone(result.detectedAtMillis(), "detected dead", new Color(0x6A3D9A)));
        milestones.add(new Milestone(result.replacedAtMillis(), result.replacement() == null ? "replaced"
                : "replaced by " + result.replacement(), MURMUR3));
        int row = 0;
        for (Milestone milestone : milestones) {
            if (milestone.millis() != null) {
                top.addDomainMarker(milestone.marker(row++, end, true), Layer.FOREGROUND);
                bottom.addDomainMarker(milestone.marker(0, end, false), Layer.FOREGROUND);
            }
        }
        String rate = result.keptRate() || result.sent() == 0 ? "at " + count(parameters.rate()) + "/s"
                : "at " + count(parameters.rate()) + "/s asked, " + count(Math.round(result.reachedRate())) + "/s reached";
        JFreeChart chart = new JFreeChart("A-3: " + (result.victim() == null ? "a server" : result.victim())
                + " killed during " + count(parameters.workload().requests()) + " requests " + rate,
                ChartStyle.TITLE, plot, true);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(String.format(Locale.ROOT,
                "%s ok, %s retried, %s failed; detected %s, replaced %s after the kill; %d ms buckets",
                count(result.ok()), count(result.retried()), count(result.failed()), after(result.detectionMillis()),
                after(result.recoveryMillis()), parameters.bucket().toMillis())));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.servers() + " servers",
                parameters.workload(), result.testbed()));
        return chart;
    }

    private static String after(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** A moment of A-3 as a vertical line; its label sits on its own row at the top of the upper panel. */
    private record Milestone(Double millis, String label, Color color) {

        ValueMarker marker(int row, double end, boolean labelled) {
            double seconds = millis / 1000.0;
            ValueMarker marker = new ValueMarker(seconds, color, new BasicStroke(2f));
            if (labelled) {
                marker.setLabel(String.format(Locale.ROOT, "%s (%.2f s)", label, seconds));
                marker.setLabelFont(ChartStyle.LABEL);
                marker.setLabelBackgroundColor(LABEL_BACKGROUND);
                marker.setLabelPaint(color);
                boolean rightHalf = seconds > end * 0.6;
                marker.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
                // One row per label, a line and a half of the label font apart: they cannot overlap.
                marker.setLabelOffset(new RectangleInsets(6 + 22 * row, 5, 0, 5));
            }
            return marker;
        }
    }

    /**
     * A-4, left: A-1 under each hash on the same servers, a pair of bars per server in the server's
     * colour — solid for the first hash, striped for the second, spotted for the third — and the even
     * share as a line.
     */
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
        styleBars(plot, new ServerBars(result.runs().size()));
        long answered = result.runs().get(0).distribution().answered();
        double even = (double) answered / Math.max(1, first.servers());
        plot.addRangeMarker(ChartStyle.reference(even, "even share " + count(Math.round(even))), Layer.FOREGROUND);
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < result.runs().size(); i++) {
            items.add(ChartStyle.boxItem(result.runs().get(i).hash() + " (" + FILLS[Math.min(i, FILLS.length - 1)] + ")",
                    fill(i, Color.GRAY)));
        }
        items.add(ChartStyle.lineItem("even share: requests / N", ChartStyle.REFERENCE, ChartStyle.dashed(2f)));
        plot.setFixedLegendItems(ChartStyle.items(items.toArray(LegendItem[]::new)));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same keys on the same servers; one colour per server"));
        ChartStyle.caption(chart, ChartStyle.caption(first.ring(), first.servers() + " servers", first.workload(), null)
                .replace("hash " + first.ring().hash().name(), "hashes " + String.join(" and ", hashNames(result))));
        return chart;
    }

    /**
     * A-4, right: A-2 under each hash, a band from the quietest to the busiest server per hash, and the
     * mean once — it is requests / N under every hash, so one line says it for both.
     */
    public static JFreeChart hashScaling(HashComparisonResult result) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (HashRun run : result.runs()) {
            YIntervalSeries series = new YIntervalSeries(run.hash() + ": quietest to busiest server");
            run.scaling().steps().forEach(step ->
                    series.add(step.servers(), step.spread().mean(), step.spread().min(), step.spread().max()));
            bands.addSeries(series);
        }
        XYSeriesCollection means = new XYSeriesCollection();
        XYSeries mean = new XYSeries("mean = even share, requests / N (both hashes)");
        result.runs().get(0).scaling().steps().forEach(step -> mean.add(step.servers(), step.spread().mean()));
        means.addSeries(mean);
        ScalingParameters first = result.runs().get(0).scaling().parameters();
        JFreeChart chart = ChartFactory.createXYLineChart("A-4: A-2 again, " + hashes(result),
                "servers (N)", "requests per server", bands, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        styleXy(plot);
        // Bands only: their edges are the min and max; the mean is drawn once, on top.
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        for (int i = 0; i < result.runs().size(); i++) {
            Color color = colorOf(result.runs().get(i).hash());
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
        }
        renderer.setAlpha(0.25f);
        plot.setRenderer(0, renderer);
        XYLineAndShapeRenderer meanLine = new XYLineAndShapeRenderer(true, true);
        meanLine.setSeriesPaint(0, ChartStyle.REFERENCE);
        meanLine.setSeriesStroke(0, ChartStyle.dashed(2.5f));
        meanLine.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setDataset(1, means);
        plot.setRenderer(1, meanLine);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        ((NumberAxis) plot.getRangeAxis()).setRangeType(RangeType.POSITIVE);
        List<LegendItem> items = new ArrayList<>();
        for (HashRun run : result.runs()) {
            Color color = colorOf(run.hash());
            items.add(ChartStyle.boxItem(run.hash() + ": band from the quietest to the busiest server",
                    new Color(color.getRed(), color.getGreen(), color.getBlue(), 110)));
        }
        items.add(ChartStyle.lineItem("mean = even share, requests / N (the same for both)", ChartStyle.REFERENCE,
                ChartStyle.dashed(2.5f)));
        plot.setFixedLegendItems(ChartStyle.items(items.toArray(LegendItem[]::new)));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same " + count(first.workload().requests())
                + " requests at each N; a narrow band is an even spread"));
        ChartStyle.caption(chart, ChartStyle.caption(first.ring(), first.minServers() + "–" + first.maxServers()
                + " servers", first.workload(), null)
                .replace("hash " + first.ring().hash().name(), "hashes " + String.join(" and ", hashNames(result))));
        return chart;
    }

    /**
     * The load of a run so far, on the servers of the ring as it is now, titled with how many requests
     * have gone out of how many (the bars add up to the requests answered at this stage).
     */
    public static JFreeChart liveDistribution(String label, Workload workload, LiveView live) {
        RingSnapshot ring = live.ring();
        List<String> names = ring == null ? List.of() : ring.servers().stream().map(Server::name).toList();
        DistributionParameters now = new DistributionParameters(ring == null ? RingConfig.DEFAULT : ring.config(),
                Math.max(1, names.size()), workload);
        JFreeChart chart = distribution(new DistributionResult(now, "live", live.tally().loads(names),
                live.tally().failed(), live.tally().retried(), live.elapsed()));
        chart.setTitle(liveTitle(label, workload, live) + " over " + names.size() + " servers ("
                + now.ring().hash().name() + " hash)");
        chart.getTitle().setFont(ChartStyle.TITLE);
        return chart;
    }

    /**
     * "A-1 running (A-1 N=3): 980 of 10,000 requests sent": the runner's own count when it reported one,
     * so the title and the bars under it agree.
     */
    public static String liveTitle(String label, Workload workload, LiveView live) {
        Progress progress = live.progress();
        long done = progress == null ? live.tally().sent() : Math.max(progress.done(), live.tally().sent());
        long total = progress == null ? workload.requests() : progress.total();
        String stage = progress == null || progress.stage().isEmpty() ? "" : " (" + progress.stage() + ")";
        return label + " running" + stage + ": " + count(Math.min(done, total)) + " of " + count(total)
                + " requests sent";
    }

    private static final String[] FILLS = {"solid", "striped", "spotted"};

    /** The fill of the {@code index}-th condition's bars: solid, striped, then spotted. */
    private static Paint fill(int index, Color color) {
        return index == 0 ? color : index == 1 ? ChartStyle.striped(color) : ChartStyle.spotted(color);
    }

    /**
     * Bars in their server's colour (the column is the server's name), solid for the first series, striped for the second
     * and spotted for the third, so a server keeps its colour whichever condition the bar shows.
     */
    private static final class ServerBars extends BarRenderer {

        private final int series;

        ServerBars(int series) {
            this.series = series;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Color color = ChartStyle.server(String.valueOf(getPlot().getDataset().getColumnKey(column)));
            return series == 1 ? color : fill(row, color);
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            return ChartStyle.server(String.valueOf(getPlot().getDataset().getColumnKey(column))).darker();
        }
    }

    static void styleBars(CategoryPlot plot, BarRenderer renderer) {
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.getRangeAxis().setLabelFont(ChartStyle.AXIS);
        plot.getRangeAxis().setTickLabelFont(ChartStyle.TICKS);
        plot.getDomainAxis().setLabelFont(ChartStyle.AXIS);
        plot.getDomainAxis().setTickLabelFont(ChartStyle.LABEL);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setItemMargin(0.06);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", NumberFormat.getIntegerInstance(Locale.ROOT)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
    }

    static void styleXy(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() instanceof NumberAxis domain) {
            domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            domain.setLabelFont(ChartStyle.AXIS);
            domain.setTickLabelFont(ChartStyle.TICKS);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.1);
        range.setLabelFont(ChartStyle.AXIS);
        range.setTickLabelFont(ChartStyle.TICKS);
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setRangeType(RangeType.POSITIVE); // counts: no negative axis when all are 0
        return axis;
    }

    private static XYStepRenderer step(Color color, BasicStroke stroke) {
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, stroke);
        return renderer;
    }

    private static java.awt.Shape triangle(boolean up) {
        Path2D.Double shape = new Path2D.Double();
        double tip = up ? -6 : 6;
        shape.moveTo(0, tip);
        shape.lineTo(6, -tip);
        shape.lineTo(-6, -tip);
        shape.closePath();
        return shape;
    }

    static String describe(RingConfig ring, Workload workload) {
        return String.format(Locale.ROOT, "%s requests, seed %d, %d slots × %d virtual nodes, %s probing",
                count(workload.requests()), workload.seed(), ring.slots(), ring.virtualNodesPerServer(),
                ring.probing().label());
    }

    private static String spreadLine(LoadSpread spread, long failed) {
        return String.format(Locale.ROOT, "busiest %s, quietest %s, std dev %s, even share %s%s", count(spread.max()),
                count(spread.min()), count(Math.round(spread.stdDev())), count(Math.round(spread.mean())),
                failed == 0 ? "" : "; " + count(failed) + " failed");
    }

    private static List<String> hashNames(HashComparisonResult result) {
        return result.runs().stream().map(HashRun::hash).toList();
    }

    private static String hashes(HashComparisonResult result) {
        return String.join(" vs ", hashNames(result)) + " hash";
    }

    private static Color colorOf(String hash) {
        return "murmur3".equals(hash) ? MURMUR3 : "assignment-v2".equals(hash) ? ASSIGNMENT_V2 : ASSIGNMENT;
    }

}
