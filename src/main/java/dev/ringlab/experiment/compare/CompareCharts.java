package dev.ringlab.experiment.compare;

import dev.ringlab.experiment.ChartStyle;
import dev.ringlab.experiment.AlgorithmStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** The comparison's two charts, for PNG files and for the window alike. */
public final class CompareCharts {

    private static final Color ADD = new Color(0x0072B2);
    private static final Color REMOVE = new Color(0xD55E00);

    private CompareCharts() {
    }

    /** Keys per server over the mean, one box per algorithm: 1.0 is perfect balance. */
    public static JFreeChart loadSpread(List<ContenderResult> results) {
        return loadSpread(results, null);
    }

    /**
     * The same, with a caption saying what the comparison was made from. Each algorithm's box is in a
     * colour of its own with a dark outline, so a box a few pixels tall (rendezvous, jump) still shows;
     * the even share is a line behind the boxes, and the key says what box, line and whiskers mean.
     */
    public static JFreeChart loadSpread(List<ContenderResult> results, CompareSettings settings) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (ContenderResult result : results) {
            List<Double> relative = new ArrayList<>();
            for (int load : result.loads()) {
                relative.add(load / result.meanKeys());
            }
            dataset.add(relative, "keys per server / mean", lines(result.label()));
        }
        CategoryAxis axis = new AlgorithmAxis();
        // Short: an axis label longer than the plot is high is cut at the chart's edge ("keys per server / me").
        NumberAxis values = new NumberAxis("keys / mean");
        values.setAutoRangeIncludesZero(false);
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Color color = AlgorithmStyle.colour(results.get(column).algorithm());
                return new Color(color.getRed(), color.getGreen(), color.getBlue(), 80); // light, so the median line reads on it
            }

            @Override
            public Paint getItemOutlinePaint(int row, int column) {
                return AlgorithmStyle.colour(results.get(column).algorithm());
            }
        };
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaxOutlierVisible(true);
        renderer.setMinOutlierVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(2f));
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.8);
        CategoryPlot plot = new CategoryPlot(dataset, axis, values, renderer);
        // Unlabelled: its label sat on the boxes at the right; the key below names the line.
        plot.addRangeMarker(ChartStyle.reference(1.0, null), Layer.BACKGROUND);
        style(plot);
        plot.setFixedLegendItems(ChartStyle.items(
                ChartStyle.boxItem("box: the middle half of the servers, line inside: the median", new Color(0, 0, 0, 60)),
                ChartStyle.lineItem("whiskers: the furthest servers within 1.5 box heights; dots beyond",
                        Color.DARK_GRAY, new BasicStroke(2f)),
                ChartStyle.lineItem("even share (1.0)", ChartStyle.REFERENCE, ChartStyle.dashed(2f))));
        JFreeChart chart = new JFreeChart(title("Load spread", results), ChartStyle.TITLE, plot, true);
        finish(chart, settings);
        return chart;
    }

    /** Share of keys that changed server per membership change, against the ideal. */
    public static JFreeChart keysMoved(List<ContenderResult> results) {
        return keysMoved(results, null);
    }

    /**
     * The same, with a caption; the ideal share is the same for every algorithm, so it is two lines
     * across the chart rather than a bar beside each.
     */
    public static JFreeChart keysMoved(List<ContenderResult> results, CompareSettings settings) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ContenderResult result : results) {
            dataset.addValue(100 * result.movedOnAdd(), "one server joins", lines(result.label()));
            dataset.addValue(100 * result.movedOnRemoveMean(), "one server leaves (mean)",
                    lines(result.label()));
        }
        JFreeChart chart = ChartFactory.createBarChart(title("Keys moved per membership change", results),
                null, "keys moved (%)", dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setSeriesPaint(0, ADD);
        renderer.setSeriesPaint(1, REMOVE);
        if (!results.isEmpty()) {
            // The ideals are named in the key, not on the plot: their labels sat on the bars they are the ideal for.
            ContenderResult first = results.get(0);
            LegendItemCollection key = plot.getLegendItems();
            key.add(ideal(plot, 100 * first.idealOnAdd(), String.format(Locale.ROOT,
                    "ideal on join 1/(N+1) = %.1f %%", 100 * first.idealOnAdd()), ADD));
            key.add(ideal(plot, 100 * first.idealOnRemove(), String.format(Locale.ROOT,
                    "ideal on leave 1/N = %.1f %%", 100 * first.idealOnRemove()), REMOVE));
            plot.setFixedLegendItems(key);
        }
        plot.getRangeAxis().setUpperMargin(0.15);
        style(plot);
        finish(chart, settings);
        return chart;
    }

    /** A dashed line across the plot in the colour of the bars it is the ideal for, and its entry in the key. */
    private static LegendItem ideal(CategoryPlot plot, double percent, String label, Color color) {
        ValueMarker marker = ChartStyle.reference(percent, null);
        marker.setPaint(color);
        plot.addRangeMarker(marker, Layer.FOREGROUND);
        return ChartStyle.lineItem(label, color, ChartStyle.dashed(2f));
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        if (!(plot.getDomainAxis() instanceof AlgorithmAxis)) {
            plot.setDomainAxis(new AlgorithmAxis());
        }
        plot.getDomainAxis().setLabelFont(ChartStyle.AXIS);
        plot.getDomainAxis().setTickLabelFont(ChartStyle.LABEL);
        plot.getRangeAxis().setLabelFont(ChartStyle.AXIS);
        plot.getRangeAxis().setTickLabelFont(ChartStyle.TICKS);
    }

    private static void finish(JFreeChart chart, CompareSettings settings) {
        ChartStyle.slide(chart);
        if (settings != null) {
            ChartStyle.caption(chart, caption(settings));
        }
    }

    /** "ring hash murmur3 · 65,536 slots · virtual nodes 9, 100 · Maglev table 65,537 · c 1.25 · 10 servers · seed 1" */
    static String caption(CompareSettings settings) {
        return String.format(Locale.ROOT, "ring hash %s · %s slots · virtual nodes %s · Maglev table %s · bounded "
                        + "loads c %.2f · %d servers · %s keys · seed %d", settings.ringHash().name(),
                ChartStyle.count(settings.slots()), settings.virtualNodes().stream().map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElse(""), ChartStyle.count(settings.maglevTableSize()),
                settings.loadFactor(), settings.servers(), ChartStyle.count(settings.keys()), settings.seed());
    }

    /** "bounded(V=9,c=1.25)" as "bounded / (V=9, / c=1.25)": lines a category's width holds, broken where a reader would. */
    static String lines(String label) {
        return label.replace("(", "\n(").replace(",", ",\n");
    }

    private static String title(String what, List<ContenderResult> results) {
        if (results.isEmpty()) {
            return what;
        }
        ContenderResult first = results.get(0);
        return String.format(Locale.ROOT, "%s (%d servers, %,d keys)", what, first.servers(), first.keys());
    }
}
