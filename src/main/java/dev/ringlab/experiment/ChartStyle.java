package dev.ringlab.experiment;

import dev.ringlab.palette.ServerColours;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * How every chart of RingLab looks, so they read alike on a slide: one colour per server (the one it
 * has on the ring and in the window, colour-blind safe, each at least 3:1 against white), sizes for the back row, a
 * caption that says what the figure was made from, and an even-share reference line.
 */
public final class ChartStyle {

    public static final Color REFERENCE = new Color(0x333333);
    /** Colours of lines and bands that are not servers (Okabe-Ito): the main series, its contrast, "all is well". */
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILION = new Color(0xD55E00);
    static final Color GREEN = new Color(0x117733);
    public static final Color GRID = new Color(0xDDDDDD);
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    public static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private ChartStyle() {
    }

    /**
     * The colour of the server called {@code name}: the one it has on the ring, in the window's table and
     * in every other chart ({@link ServerColours}, held by name), not one by the bar's position.
     */
    public static Color server(String name) {
        return new Color(ServerColours.rgb(ServerColours.of(name)));
    }

    /** The colour of the {@code index}-th series of a chart whose series are not servers (algorithms, hashes). */
    public static Color series(int index) {
        return new Color(ServerColours.rgb(ServerColours.PALETTE.get(Math.floorMod(index, ServerColours.PALETTE.size()))));
    }

    /** Stripes of {@code color} on white: the same server under the second of two conditions. */
    public static Paint striped(Color color) {
        return pattern(color, graphics -> {
            graphics.setStroke(new BasicStroke(2.5f));
            graphics.drawLine(-2, 10, 10, -2);
            graphics.drawLine(-2, 2, 2, -2);
            graphics.drawLine(6, 10, 10, 6);
        });
    }

    /** Spots of {@code color} on white: the same server under a third condition (A-4's third hash). */
    public static Paint spotted(Color color) {
        return pattern(color, graphics -> graphics.fillOval(1, 1, 4, 4));
    }

    /** An 8x8 tile, white, with {@code draw} in {@code color} on it, repeated. */
    private static Paint pattern(Color color, java.util.function.Consumer<Graphics2D> draw) {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = tile.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 8, 8);
            graphics.setColor(color);
            draw.accept(graphics);
        } finally {
            graphics.dispose();
        }
        return new TexturePaint(tile, new java.awt.Rectangle(0, 0, 8, 8));
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 4}, 0);
    }

    public static BasicStroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {1, 5}, 0);
    }

    /** Title and legend sizes for a slide; the legend at the bottom, left of nothing. */
    public static void slide(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    public static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text, SUBTITLE);
        title.setPaint(Color.DARK_GRAY);
        return title;
    }

    /** What the figure was made from, under everything else, e.g. "hash murmur3 · 512 slots · …". */
    public static void caption(JFreeChart chart, String text) {
        TextTitle caption = new TextTitle(text, CAPTION);
        caption.setPaint(Color.GRAY);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setPadding(new RectangleInsets(2, 4, 4, 4));
        // The caption goes under the legend, as a figure's caption does: bottom titles stack outwards in order.
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            chart.removeLegend();
        }
        chart.addSubtitle(caption);
        if (legend != null) {
            chart.addLegend(legend);
        }
    }

    /** "hash assignment · 512 slots · 9 virtual nodes · linear probing · 3 servers · seed 42". */
    public static String caption(dev.ringlab.ring.RingConfig ring, String servers, Workload workload, String testbed) {
        return String.format(Locale.ROOT, "hash %s · %d slots · %d virtual nodes · %s probing · %s · %s requests · "
                        + "seed %d%s", ring.hash().name(), ring.slots(), ring.virtualNodesPerServer(),
                ring.probing().label(), servers, count(workload.requests()), workload.seed(),
                testbed == null || testbed.isEmpty() ? "" : " · " + EPHEMERAL_LOOPBACK.matcher(testbed).replaceAll(""));
    }

    /**
     * The embedded balancer's address: a port of the moment on loopback, which tells a reader of the
     * figure nothing, and which the caption's wrapping split mid-address ("http://127." / "0.0.1:43109").
     */
    private static final java.util.regex.Pattern EPHEMERAL_LOOPBACK =
            java.util.regex.Pattern.compile(" at http://127\\.0\\.0\\.1:\\d+");

    /** A horizontal reference line with its label at the right end, above the line. */
    public static ValueMarker reference(double value, String label) {
        ValueMarker marker = new ValueMarker(value, REFERENCE, dashed(2f));
        marker.setLabel(label);
        marker.setLabelFont(LABEL);
        marker.setLabelPaint(REFERENCE);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        return marker;
    }

    /**
     * {@code line} across {@code plot}, unlabelled, and named in the key after the plot's series instead: a
     * label on the plot sits on whatever data runs near the line (A-5's bounded loads under its cap, A-6's
     * 99th percentile along its try timeout).
     */
    public static void keyedLine(XYPlot plot, ValueMarker line, String name) {
        LegendItemCollection key = plot.getLegendItems();
        key.add(lineItem(name, line.getPaint(), (BasicStroke) line.getStroke()));
        plot.setFixedLegendItems(key);
        plot.addRangeMarker(line, org.jfree.chart.ui.Layer.FOREGROUND);
    }

    /** A legend entry for a line (a reference, a mean). */
    public static LegendItem lineItem(String label, Paint paint, BasicStroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-9, 0, 9, 0),
                stroke, paint);
        item.setLabelFont(LABEL);
        return item;
    }

    /** A legend entry for a filled area (a bar, a band). */
    public static LegendItem boxItem(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Rectangle2D.Double(-7, -7, 14, 14),
                paint, new BasicStroke(1f), Color.DARK_GRAY);
        item.setLabelFont(LABEL);
        return item;
    }

    public static LegendItemCollection items(LegendItem... items) {
        LegendItemCollection collection = new LegendItemCollection();
        for (LegendItem item : items) {
            collection.add(item);
        }
        return collection;
    }

    /**
     * "A-1 running (A-1 N=3): 980 of 10,000 requests sent": the runner's own count when it reported one,
     * so the title and the bars under it agree.
     */
    static String liveTitle(String label, Workload workload, LiveView live) {
        Progress progress = live.progress();
        long done = progress == null ? live.tally().sent() : Math.max(progress.done(), live.tally().sent());
        long total = progress == null ? workload.requests() : progress.total();
        String stage = progress == null || progress.stage().isEmpty() ? "" : " (" + progress.stage() + ")";
        return label + " running" + stage + ": " + count(Math.min(done, total)) + " of " + count(total)
                + " requests sent";
    }

    /** White background, grid, slide-sized fonts and value labels on top of the bars. */
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

    /** White background, grid, slide-sized fonts, whole numbers on a numeric x axis, y from zero. */
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

    /** Steps over each bucket's width; series 0 in {@code color} with {@code stroke}. */
    static XYStepRenderer step(Color color, BasicStroke stroke) {
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, stroke);
        return renderer;
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
