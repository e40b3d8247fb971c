package dev.ringlab.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;

/**
 * JFreeChart charts in the window. Building and drawing a chart takes tens of milliseconds (seconds
 * the first time, while Java2D loads its fonts), too long for the FX thread during a run, so charts are
 * built and drawn into an image on a thread of their own; the frame pump only swaps the finished image
 * in. Charts asked for while one is drawing replace each other: the latest wins.
 */
public final class ChartView extends Region {

    private record Rendered(List<JFreeChart> charts, Image image, double scale) {
    }

    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-chart-renderer");
        thread.setDaemon(true);
        return thread;
    });

    /** The smallest size a chart is laid out at; smaller views show it scaled down. */
    static final double LAYOUT_WIDTH = 720;
    static final double LAYOUT_HEIGHT = 450;
    /**
     * Text is never shrunk below this: in a narrower view (two charts side by side in a 1280x800 window)
     * the plot gives up room instead, since a chart whose ticks and legend cannot be read teaches nothing.
     */
    static final double SMALLEST_SCALE = 0.75;
    /**
     * The smallest size a zoomed chart is laid out at: its text grows as long as the plot keeps this room.
     * 280 high, so that a chart under presentation mode's form (about 620 px of 1080) still gets text
     * about twice its desk size, as the window's own text is (13 to 35 px), rather than 1.6 times.
     */
    static final double ZOOMED_WIDTH = 480;
    static final double ZOOMED_HEIGHT = 280;

    private final ImageView view = new ImageView();
    private final AtomicReference<Rendered> ready = new AtomicReference<>();
    private final AtomicBoolean drawing = new AtomicBoolean();
    private Supplier<List<JFreeChart>> pending;
    private volatile List<JFreeChart> charts = List.of();
    private double shownScale = 1;
    private double drawnWidth;
    private double drawnHeight;
    private boolean drawnDark;
    private double drawnZoom = 1;
    /** Which chart presentation mode shows, of several; a click shows the next. */
    private int page;
    private int drawnPage;
    private final javafx.scene.control.Label pageHint = new javafx.scene.control.Label();

    private static final StyleablePropertyFactory<ChartView> STYLES =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    /**
     * Whether the charts are shown for the dark theme. Set by the style sheet ({@code -rl-dark} on
     * {@code .root.dark .chart-view}), so every chart in the window follows the theme with no wiring.
     */
    private final StyleableProperty<Boolean> dark =
            STYLES.createStyleableBooleanProperty(this, "dark", "-rl-dark", chart -> chart.dark, false);

    /**
     * How much larger the charts' text and lines are drawn than at a desk, as far as the view's room
     * allows. Set by the style sheet ({@code -rl-zoom} on {@code .root.presentation .chart-view}), so
     * presentation mode's charts read from the back row as its text does.
     */
    private final StyleableProperty<Number> zoom =
            STYLES.createStyleableNumberProperty(this, "zoom", "-rl-zoom", chart -> chart.zoom, 1.0);

    public ChartView() {
        pageHint.getStyleClass().add("chart-page-hint");
        pageHint.setVisible(false);
        getChildren().addAll(view, pageHint);
        getStyleClass().add("chart-view");
        setOnMouseClicked(click -> {
            if (paged(charts.size(), zoom.getValue().doubleValue())) {
                page = (page + 1) % charts.size();
                frame();
            }
        });
    }

    /**
     * Whether the charts are shown one at a time: in presentation mode, when there are several. Two charts
     * side by side at a size read from the back row left each plot about 130 px of 1080 and cut the
     * category names; one at a time, each has the whole area.
     */
    static boolean paged(int count, double zoom) {
        return zoom > 1 && count > 1;
    }

    /** The charts drawn: all of them side by side, or in presentation mode the {@code page}-th alone. */
    static <T> List<T> onShow(List<T> all, double zoom, int page) {
        return paged(all.size(), zoom) ? List.of(all.get(Math.floorMod(page, all.size()))) : all;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLES.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return STYLES.getCssMetaData();
    }

    /** The charts are drawn for the dark theme: light ink on the window's dark background. */
    public BooleanProperty darkProperty() {
        return (BooleanProperty) dark;
    }

    /** Loads Java2D's fonts and JFreeChart's classes off the FX thread, before the first run needs them. */
    static void warmUp(Supplier<JFreeChart> sample) {
        RENDERER.execute(() -> draw(List.of(sample.get()), 320, 200, 1));
    }

    /** The charts on show now (the last ones drawn). */
    public List<JFreeChart> charts() {
        return charts;
    }

    /** Draws these charts, side by side, at the current size; on the FX thread. */
    void show(Supplier<List<JFreeChart>> next) {
        pending = next;
        drawPending();
    }

    /** The picture on show, as drawn (for tests and the tour). */
    Image image() {
        return view.getImage();
    }

    /**
     * How much larger than their own sizes the charts on show are drawn (their fonts' points are pixels
     * at 1): a chart's tick labels are {@code ChartStyle.TICKS} times this on screen. For tests and the tour.
     */
    double shownScale() {
        return shownScale;
    }

    /** Whether a drawing is under way, waiting, or done but not yet on show. */
    boolean busy() {
        return drawing.get() || pending != null || ready.get() != null;
    }

    /** Swaps in a finished image and starts the next drawing; once per pulse, on the FX thread. */
    void frame() {
        Rendered done = ready.getAndSet(null);
        if (done != null) {
            charts = done.charts();
            shownScale = done.scale();
            view.setImage(done.image());
        }
        boolean resized = Math.abs(getWidth() - drawnWidth) > 1 || Math.abs(getHeight() - drawnHeight) > 1
                || drawnDark != dark.getValue() || drawnZoom != zoom.getValue().doubleValue() || drawnPage != page;
        boolean paging = paged(charts.size(), zoom.getValue().doubleValue());
        pageHint.setVisible(paging);
        if (paging) {
            pageHint.setText("chart " + (Math.floorMod(page, charts.size()) + 1) + " of " + charts.size()
                    + " · click for the next");
        }
        if (resized && pending == null && !charts.isEmpty() && !drawing.get()) {
            List<JFreeChart> again = charts;
            pending = () -> again;
        }
        drawPending();
    }

    private void drawPending() {
        if (pending == null || getWidth() < 50 || getHeight() < 50 || !drawing.compareAndSet(false, true)) {
            return;
        }
        Supplier<List<JFreeChart>> task = pending;
        pending = null;
        int width = (int) getWidth();
        int height = (int) getHeight();
        boolean inDark = dark.getValue();
        double zoomed = zoom.getValue().doubleValue();
        int shownPage = page;
        // room under the picture for "chart 1 of 2 · click for the next": over the chart it covered a caption
        int hintRoom = (int) Math.ceil(pageHint.prefHeight(-1)) + 4;
        drawnPage = page;
        drawnWidth = width;
        drawnHeight = height;
        drawnDark = inDark;
        drawnZoom = zoomed;
        RENDERER.execute(() -> {
            try {
                List<JFreeChart> built = List.copyOf(task.get());
                List<JFreeChart> shown = onShow(built, zoomed, shownPage);
                int drawn = paged(built.size(), zoomed) ? Math.max(50, height - hintRoom) : height;
                double scale = scale((double) width / Math.max(1, shown.size()), drawn, zoomed, zoomedHeight(shown));
                BufferedImage image = draw(shown, width, drawn, zoomed);
                if (inDark) {
                    // the picture, not the charts: they stay ink on white for the exports
                    DarkChart.recolour(image);
                }
                ready.set(new Rendered(built, SwingFXUtils.toFXImage(image, null), scale));
            } catch (RuntimeException | LinkageError failure) {
                org.slf4j.LoggerFactory.getLogger(ChartView.class).warn("chart not drawn: {}", failure.toString());
            } finally {
                drawing.set(false);
            }
        });
    }

    /**
     * The scale a chart is drawn at in a view of {@code width} x {@code height}: below 1 in a small view
     * (the chart is laid out at its smallest readable size and shrunk), up to {@code zoom} where there is
     * room (laid out smaller, down to {@link #ZOOMED_WIDTH} x {@link #ZOOMED_HEIGHT}, and enlarged).
     */
    static double scale(double width, double height, double zoom) {
        return scale(width, height, zoom, ZOOMED_HEIGHT);
    }

    /** The same for a chart that needs {@code zoomedHeight} of layout to show its plot (see {@link #PANELLED_HEIGHT}). */
    static double scale(double width, double height, double zoom, double zoomedHeight) {
        double fit = Math.max(SMALLEST_SCALE, Math.min(1, Math.min(width / LAYOUT_WIDTH, height / LAYOUT_HEIGHT)));
        if (zoom <= 1) {
            return fit;
        }
        return Math.max(fit, Math.min(zoom, Math.min(width / ZOOMED_WIDTH, height / zoomedHeight)));
    }

    /**
     * The smallest height a zoomed chart of several panels over one time axis (A-3, A-6, flapping) is laid
     * out at: its title, two-line subtitle, key and caption leave 280 px of layout about 140 for three
     * panels, and A-6's latency got 50 of them at 1920x1080; such a chart trades some text size for plots.
     */
    static final double PANELLED_HEIGHT = 420;

    /** The layout height below which {@code charts} are not laid out when zoomed. */
    static double zoomedHeight(List<JFreeChart> charts) {
        return charts.stream().anyMatch(chart -> chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot)
                ? PANELLED_HEIGHT : ZOOMED_HEIGHT;
    }

    private static BufferedImage draw(List<JFreeChart> charts, int width, int height, double zoom) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            double each = (double) width / charts.size();
            // The charts' fonts are sized for a slide: in a small view, lay each chart out at a size it
            // reads at and scale the drawing down, rather than let the titles crowd the plot out.
            double scale = scale(each, height, zoom, zoomedHeight(charts));
            graphics.scale(scale, scale);
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(graphics, new Rectangle2D.Double(i * each / scale, 0, each / scale, height / scale));
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    // The image follows the region's size, never the other way round, so the chart can shrink.
    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 150;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
        pageHint.autosize();
        // bottom right: at the top it covered the end of a long title
        pageHint.relocate(Math.max(0, getWidth() - pageHint.getWidth() - 4),
                Math.max(0, getHeight() - pageHint.getHeight() - 4));
    }
}
