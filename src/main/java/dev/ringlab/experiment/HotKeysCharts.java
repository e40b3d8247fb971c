package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import dev.ringlab.ring.algorithm.Algorithm;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A-5's charts: busiest/mean over the stream per algorithm, and over the whole stream with the cap. */
public final class HotKeysCharts {

    /**
     * The y axis' title, short: "busiest server / mean (1 = even)" was higher than the plot of a chart in
     * the window and ran up into the subtitle. The even share is a line named in the key instead.
     */
    private static final String BUSIEST = "busiest / mean";

    private HotKeysCharts() {
    }

    /** Busiest server over the mean in every stretch of the stream, one line per algorithm, the cap dashed. */
    public static JFreeChart overTime(HotKeysResult result) {
        XYSeriesCollection lines = new XYSeriesCollection();
        for (HotKeysRun run : result.runs()) {
            XYSeries series = new XYSeries(label(run, result));
            for (int i = 0; i < run.bucketEnds().size(); i++) {
                series.add(run.bucketEnds().get(i).doubleValue(), run.busiestOverMean().get(i));
            }
            lines.addSeries(series);
        }
        HotKeysParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(Locale.ROOT,
                        "A-5: hot keys (Zipf s = %.2f) over %d servers", parameters.exponent(), parameters.servers()),
                "requests sent", BUSIEST, lines, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        ChartStyle.styleXy(plot);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setRangeType(RangeType.POSITIVE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < result.runs().size(); i++) {
            AlgorithmStyle.apply(renderer, i, Algorithm.byName(result.runs().get(i).algorithm()));
        }
        plot.setRenderer(renderer);
        // The cap is named in the key: labelled on the plot, its name sat on bounded loads' line just under it.
        ChartStyle.keyedLine(plot, ChartStyle.reference(result.cap(), null), String.format(Locale.ROOT,
                "bounded loads' cap on requests in flight, c = %.2f x mean", result.cap()));
        ChartStyle.keyedLine(plot, new org.jfree.chart.plot.ValueMarker(1.0, Color.GRAY, ChartStyle.dotted(3f)),
                "even share (1)");
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(String.format(Locale.ROOT,
                "each point: %s requests; the hottest key alone is %.1f %% of the traffic, the ten hottest %.1f %%",
                count(parameters.bucket()), 100 * result.hottestShares().get(0),
                100 * result.hottestShares().stream().mapToDouble(Double::doubleValue).sum())));
        ChartStyle.caption(chart, caption(parameters));
        return chart;
    }

    /** Over the whole stream: each algorithm's busiest server over the mean, next to the cap. */
    public static JFreeChart overall(HotKeysResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (HotKeysRun run : result.runs()) {
            dataset.addValue(run.overallBusiestOverMean(), "busiest / mean", run.algorithm());
        }
        HotKeysParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createBarChart("A-5: busiest server / mean over the whole stream",
                "algorithm", BUSIEST, dataset, PlotOrientation.VERTICAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return AlgorithmStyle.colour(Algorithm.byName(result.runs().get(column).algorithm()));
            }
        };
        ChartStyle.styleBars(plot, renderer);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        // Inside the top of each bar, white: above it, bounded loads' figure sat on the cap's line (1.22 under 1.25).
        // A bar is at least the mean high (busiest / mean >= 1), so the figure always fits in it.
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.INSIDE12, org.jfree.chart.ui.TextAnchor.TOP_CENTER));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        // Unlabelled lines (a label would sit on a bar); the legend names them.
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(result.cap(), ChartStyle.REFERENCE,
                ChartStyle.dashed(2.5f)), Layer.FOREGROUND);
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(1.0, Color.GRAY, ChartStyle.dotted(3f)),
                Layer.FOREGROUND);
        plot.setFixedLegendItems(ChartStyle.items(
                ChartStyle.lineItem(String.format(Locale.ROOT, "bounded loads' cap on requests in flight, c = %.2f", result.cap()),
                        ChartStyle.REFERENCE, ChartStyle.dashed(2.5f)),
                ChartStyle.lineItem("even share (1)", Color.GRAY, ChartStyle.dotted(3f))));
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(plot);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        ChartStyle.slide(chart);
        HotKeysRun bounded = result.runs().get(result.runs().size() - 1);
        chart.addSubtitle(ChartStyle.subtitle(String.format(Locale.ROOT,
                "bounded loads sent %s of %s requests (%.1f %%) past their first choice", count(bounded.pastFirstChoice()),
                count(parameters.workload().requests()),
                100.0 * bounded.pastFirstChoice() / parameters.workload().requests())));
        ChartStyle.caption(chart, caption(parameters));
        return chart;
    }

    private static String label(HotKeysRun run, HotKeysResult result) {
        return run.pastFirstChoice() == 0 ? run.algorithm()
                : String.format(Locale.ROOT, "%s (c = %.2f)", run.algorithm(), result.cap());
    }

    static String caption(HotKeysParameters parameters) {
        return ChartStyle.caption(parameters.ring(), parameters.servers() + " servers", parameters.workload(),
                String.format(Locale.ROOT, "%s keys, Zipf s %.2f, %d in flight", count(parameters.keySpace()),
                        parameters.exponent(), parameters.inFlight()));
    }

    static List<JFreeChart> both(HotKeysResult result) {
        return List.of(overTime(result), overall(result));
    }
}
