package dev.ringlab.experiment;

import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * A strip above a time chart that holds the names of its moments ("frozen Server 1 (1.01 s)"), each on
 * the first row where it overlaps no other name, so no name covers a line of data or another name. The
 * moments' vertical lines cross the data plots below it; only their names live here.
 */
final class EventLane {

    static final int ROW_HEIGHT = 20;
    /** The data plot's width a name is measured against: a chart half of a 2x slide, less its axis. */
    private static final double PLOT_WIDTH = 760;
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);

    private final double end;
    private final XYPlot lane;
    /** Per row, the time spans its names cover so far. */
    private final List<List<double[]>> rows = new ArrayList<>();

    EventLane(double end) {
        this.end = end;
        NumberAxis nothing = new NumberAxis();
        nothing.setVisible(false);
        nothing.setRange(0, 1);
        // An empty dataset and a renderer that draws nothing: JFreeChart draws a plot's markers through its renderer.
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer none =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, false);
        none.setDefaultSeriesVisibleInLegend(false);
        lane = new XYPlot(new org.jfree.data.xy.XYSeriesCollection(), null, nothing, none);
        lane.setOutlineVisible(false);
        lane.setDomainGridlinesVisible(false);
        lane.setRangeGridlinesVisible(false);
        lane.setBackgroundPaint(Color.WHITE);
    }

    /** A moment at {@code seconds}: its line and its name, on the first row with room for it. */
    void add(double seconds, Color color, String name) {
        String label = String.format(java.util.Locale.ROOT, "%s (%.2f s)", name, seconds);
        double width = (ChartStyle.LABEL.getStringBounds(label, TEXT).getWidth() + 14) / PLOT_WIDTH * end;
        // a name in the right part of the chart leans left to stay inside it, as ChartStyle.moment draws it
        double[] span = seconds > end * 0.6 ? new double[] {seconds - width, seconds} : new double[] {seconds, seconds + width};
        int row = 0;
        while (row < rows.size() && rows.get(row).stream().anyMatch(taken -> taken[0] < span[1] && span[0] < taken[1])) {
            row++;
        }
        if (row == rows.size()) {
            rows.add(new ArrayList<>());
        }
        rows.get(row).add(span);
        lane.addDomainMarker(ChartStyle.moment(seconds, color, 1.5f, name, row, ROW_HEIGHT, end), Layer.FOREGROUND);
    }

    int rowCount() {
        return rows.size();
    }

    /** The lane's share of a plot whose latency and trouble panels weigh 6 and 4: room for its rows on a slide. */
    int weight() {
        return Math.max(1, (int) Math.round(rows.size() * 0.75));
    }

    XYPlot plot() {
        return lane;
    }
}
