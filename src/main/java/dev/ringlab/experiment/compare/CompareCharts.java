package dev.ringlab.experiment.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
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
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** The comparison's two charts, for PNG files and for the window alike. */
public final class CompareCharts {

    private static final Color ADD = new Color(0x1f77b4);
    private static final Color REMOVE = new Color(0xff7f0e);
    private static final Color IDEAL = new Color(0x7f7f7f);

    private CompareCharts() {
    }

    /** Keys per server over the mean, one box per algorithm: 1.0 is perfect balance. */
    public static JFreeChart loadSpread(List<ContenderResult> results) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (ContenderResult result : results) {
            List<Double> relative = new ArrayList<>();
            for (int load : result.loads()) {
                relative.add(load / result.meanKeys());
            }
            dataset.add(relative, "keys per server / mean", result.label());
        }
        CategoryAxis axis = new CategoryAxis("algorithm");
        NumberAxis values = new NumberAxis("keys per server / mean (1 = perfect)");
        values.setAutoRangeIncludesZero(false);
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setMaxOutlierVisible(true);
        renderer.setFillBox(true);
        renderer.setSeriesPaint(0, ADD);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, axis, values, renderer);
        ValueMarker perfect = new ValueMarker(1.0, IDEAL, new BasicStroke(1.5f));
        plot.addRangeMarker(perfect);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        JFreeChart chart = new JFreeChart(title("Load spread", results), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Share of keys that changed server per membership change, next to the ideal. */
    public static JFreeChart keysMoved(List<ContenderResult> results) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ContenderResult result : results) {
            dataset.addValue(100 * result.movedOnAdd(), "add one server", result.label());
            dataset.addValue(100 * result.idealOnAdd(), "ideal on add, 1/(N+1)", result.label());
            dataset.addValue(100 * result.movedOnRemoveMean(), "remove one server (mean)", result.label());
            dataset.addValue(100 * result.idealOnRemove(), "ideal on remove, 1/N", result.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(title("Keys moved per membership change", results),
                "algorithm", "keys moved (%)", dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        renderer.setSeriesPaint(0, ADD);
        renderer.setSeriesPaint(1, ADD.brighter().brighter());
        renderer.setSeriesPaint(2, REMOVE);
        renderer.setSeriesPaint(3, new Color(0xffbb78));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        chart.getTitle().setFont(JFreeChart.DEFAULT_TITLE_FONT.deriveFont(Font.BOLD));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String title(String what, List<ContenderResult> results) {
        if (results.isEmpty()) {
            return what;
        }
        ContenderResult first = results.get(0);
        return String.format(java.util.Locale.ROOT, "%s (%d servers, %,d keys)", what, first.servers(), first.keys());
    }
}
