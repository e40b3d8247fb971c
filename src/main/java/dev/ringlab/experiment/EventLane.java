package dev.ringlab.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A strip above a time chart that holds the names of its moments ("frozen Server 1 (1.01 s)"), so no
 * name covers a line of data. The names are placed when the chart is drawn, at its real width: each on
 * the first row where it overlaps no other name, leaning left of its line in the right part of the
 * chart so it stays inside. The moments' lines cross the data plots below; only their names live here.
 */
final class EventLane {

    static final int ROW_HEIGHT = 20;
    /**
     * The narrowest data plot the lane is sized for (two A-6 charts side by side in a 1280x800 window,
     * laid out at 0.75): a wider chart needs no more rows than this.
     */
    private static final double NARROWEST_PLOT = 380;
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);

    /** A moment: when, in what colour, and its name. */
    record Moment(double seconds, Color color, String label) {
    }

    private final double end;
    private final List<Moment> moments = new ArrayList<>();
    private final Lane lane;

    EventLane(double end) {
        this.end = end;
        this.lane = new Lane();
    }

    /** A moment at {@code seconds}: its line here and its name, placed when the chart is drawn. */
    void add(double seconds, Color color, String name) {
        moments.add(new Moment(seconds, color, String.format(Locale.ROOT, "%s (%.2f s)", name, seconds)));
        lane.addDomainMarker(new ValueMarker(seconds, color, new BasicStroke(1.5f)), Layer.FOREGROUND);
    }

    List<Moment> moments() {
        return List.copyOf(moments);
    }

    /** The moments named in {@code plot}, if it is a lane (a chart's first panel): for tests of a built chart. */
    static List<Moment> namedIn(org.jfree.chart.plot.Plot plot) {
        return plot instanceof Lane named ? named.owner().moments() : List.of();
    }

    /** The rows the names take in a data plot {@code width} wide, with text {@code widthOf} wide. */
    int[] rows(double width, java.util.function.ToDoubleFunction<String> widthOf) {
        int[] rows = new int[moments.size()];
        List<List<double[]>> taken = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            Moment moment = moments.get(i);
            double x = moment.seconds() / end * width;
            double w = widthOf.applyAsDouble(moment.label()) + 8;
            double[] span = leansLeft(moment) ? new double[] {x - w, x} : new double[] {x, x + w};
            int row = 0;
            while (row < taken.size() && taken.get(row).stream().anyMatch(t -> t[0] < span[1] && span[0] < t[1])) {
                row++;
            }
            if (row == taken.size()) {
                taken.add(new ArrayList<>());
            }
            taken.get(row).add(span);
            rows[i] = row;
        }
        return rows;
    }

    /** How many rows the names take in the narrowest chart the lane is sized for. */
    int rowCount() {
        int[] rows = rows(NARROWEST_PLOT, label -> ChartStyle.LABEL.getStringBounds(label, TEXT).getWidth());
        int most = -1;
        for (int row : rows) {
            most = Math.max(most, row);
        }
        return most + 1;
    }

    /** The lane's share of a plot whose latency and trouble panels weigh 6 and 4: room for its rows. */
    int weight() {
        return Math.max(1, (int) Math.round(rowCount() * 0.75));
    }

    XYPlot plot() {
        return lane;
    }

    private boolean leansLeft(Moment moment) {
        return moment.seconds() > end * 0.6;
    }

    /** The strip itself: the moments' lines, then their names on the rows the drawn width allows. */
    private final class Lane extends XYPlot {

        EventLane owner() {
            return EventLane.this;
        }

        Lane() {
            // An empty dataset and a renderer that draws nothing: JFreeChart draws a plot's markers through its renderer.
            super(new XYSeriesCollection(), null, hiddenAxis(), silentRenderer());
            setOutlineVisible(false);
            setDomainGridlinesVisible(false);
            setRangeGridlinesVisible(false);
            setBackgroundPaint(Color.WHITE);
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
            // the data area (the strip less the axes' room) is known only through a rendering info: make one
            PlotRenderingInfo drawn = info != null ? info : new PlotRenderingInfo(null);
            super.draw(g2, area, anchor, parentState, drawn);
            Rectangle2D data = drawn.getDataArea();
            g2.setFont(ChartStyle.LABEL);
            FontMetrics metrics = g2.getFontMetrics();
            int[] rows = rows(data.getWidth(), metrics::stringWidth);
            int needed = java.util.Arrays.stream(rows).max().orElse(-1) + 1;
            // In a chart drawn lower than the lane was sized for (presentation mode's A-6) the rows close
            // up, and nothing is drawn outside the lane: a name may touch another, never the data below.
            double rowHeight = needed == 0 ? ROW_HEIGHT : Math.min(ROW_HEIGHT, (data.getHeight() - 3) / needed);
            java.awt.Shape clip = g2.getClip();
            g2.clip(data);
            for (int i = 0; i < moments.size(); i++) {
                Moment moment = moments.get(i);
                double x = getDomainAxis().valueToJava2D(moment.seconds(), data, RectangleEdge.BOTTOM);
                int width = metrics.stringWidth(moment.label());
                double left = leansLeft(moment) ? x - 4 - width : x + 4;
                double top = data.getMinY() + 3 + rows[i] * rowHeight;
                g2.setPaint(new Color(255, 255, 255, 230));
                g2.fill(new Rectangle2D.Double(left - 2, top, width + 4, metrics.getHeight()));
                g2.setPaint(moment.color());
                g2.drawString(moment.label(), (float) left, (float) (top + metrics.getAscent()));
            }
            g2.setClip(clip);
        }
    }

    private static NumberAxis hiddenAxis() {
        NumberAxis nothing = new NumberAxis();
        nothing.setVisible(false);
        nothing.setRange(0, 1);
        return nothing;
    }

    private static XYLineAndShapeRenderer silentRenderer() {
        XYLineAndShapeRenderer none = new XYLineAndShapeRenderer(false, false);
        none.setDefaultSeriesVisibleInLegend(false);
        return none;
    }
}
