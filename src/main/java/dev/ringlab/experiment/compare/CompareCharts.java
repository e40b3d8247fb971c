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
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
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
            dataset.add(relative, "keys per server / mean", result.label());
        }
        CategoryAxis axis = new CategoryAxis("algorithm");
        NumberAxis values = new NumberAxis("keys per server / mean");
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
        plot.addRangeMarker(ChartStyle.reference(1.0, "1 = every server its even share"), Layer.BACKGROUND);
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
            dataset.addValue(100 * result.movedOnAdd(), "one server joins", result.label());
            dataset.addValue(100 * result.movedOnRemoveMean(), "one server leaves (mean over which)", result.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(title("Keys moved per membership change", results),
                "algorithm", "keys moved (%)", dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setSeriesPaint(0, ADD);
        renderer.setSeriesPaint(1, REMOVE);
        if (!results.isEmpty()) {
            ContenderResult first = results.get(0);
            plot.addRangeMarker(ideal(100 * first.idealOnAdd(), String.format(Locale.ROOT,
                    "ideal on join 1/(N+1) = %.1f %%", 100 * first.idealOnAdd()), ADD, false), Layer.FOREGROUND);
            plot.addRangeMarker(ideal(100 * first.idealOnRemove(), String.format(Locale.ROOT,
                    "ideal on leave 1/N = %.1f %%", 100 * first.idealOnRemove()), REMOVE, true), Layer.FOREGROUND);
        }
        plot.getRangeAxis().setUpperMargin(0.15);
        style(plot);
        finish(chart, settings);
        return chart;
    }

    /** A dashed line in the colour of the bars it is the ideal for; one label left, the other right. */
    private static ValueMarker ideal(double percent, String label, Color color, boolean right) {
        ValueMarker marker = ChartStyle.reference(percent, label);
        marker.setPaint(color);
        marker.setLabelPaint(color.darker());
        marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
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

    private static String title(String what, List<ContenderResult> results) {
        if (results.isEmpty()) {
            return what;
        }
        ContenderResult first = results.get(0);
        return String.format(Locale.ROOT, "%s (%d servers, %,d keys)", what, first.servers(), first.keys());
    }
}
