package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.font.FontRenderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Labels on a chart never lie on its data: moments get a lane of their own, reference lines a key. */
class ChartLabelsTest {

    @Test
    void momentsCloseInTimeTakeSeparateRowsAndFarOnesShareOne() {
        EventLane lane = new EventLane(8);
        lane.add(1.00, Color.BLACK, "frozen Server 1");
        lane.add(1.57, Color.GREEN, "ejected Server 1");  // would overlap the first name
        lane.add(3.05, Color.BLUE, "dead Server 1");       // clear of the first on a wide chart: its row again
        // names about 7 px a character
        assertThat(lane.rows(760, label -> label.length() * 7.0)).containsExactly(0, 1, 0);
        // on a narrow chart the same names need a row each
        assertThat(lane.rows(380, label -> label.length() * 7.0)).containsExactly(0, 1, 2);
    }

    @Test
    void aReferenceLineIsNamedInTheKeyNotOnThePlot() {
        XYSeries series = new XYSeries("bounded");
        series.add(0, 1.22);
        series.add(1, 1.24);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new org.jfree.chart.axis.NumberAxis(),
                new org.jfree.chart.axis.NumberAxis(), new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
        ChartStyle.keyedLine(plot, ChartStyle.reference(1.25, null), "bounded loads' cap");

        Marker cap = (Marker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertThat(cap.getLabel()).isNull();
        List<String> key = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            key.add(plot.getLegendItems().get(i).getLabel());
        }
        assertThat(key).containsExactly("bounded", "bounded loads' cap");
    }

    @Test
    void theGrayFailureChartDrawsItsEventNamesAboveTheLatencyPlot() {
        List<LatencyBucket> buckets = List.of(new LatencyBucket(0, 8000, 1600, 0, 10, 1, 500, 900));
        List<TimelineEvent> events = List.of(new TimelineEvent(1000, "frozen", "Server 1", ""),
                new TimelineEvent(1570, "ejected", "Server 1", ""), new TimelineEvent(3050, "dead", "Server 1", ""));
        JFreeChart chart = GrayFailureCharts.run("A-6", "", buckets, events, 500, "caption");
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(960, 600, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        chart.draw(graphics, new Rectangle2D.Double(0, 0, 960, 600), info);
        graphics.dispose();
        // three panels: the events' lane on top, its rows' height at least; then latency and trouble
        var plots = info.getPlotInfo();
        assertThat(plots.getSubplotCount()).isEqualTo(3);
        Rectangle2D lane = plots.getSubplotInfo(0).getDataArea();
        Rectangle2D latency = plots.getSubplotInfo(1).getDataArea();
        assertThat(lane.getMaxY()).isLessThanOrEqualTo(latency.getMinY());
        assertThat(lane.getHeight()).isGreaterThanOrEqualTo(2 * EventLane.ROW_HEIGHT);
    }

    @Test
    void theFailoverChartNamesItsMomentsInALaneAndItsAskedRateInTheKey() {
        JFreeChart chart = FailoverCharts.chart(failover());
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();

        assertThat(panels).hasSize(3);
        assertThat(EventLane.namedIn(panels.get(0))).extracting(EventLane.Moment::label)
                .containsExactly("killed Server 2 (0.50 s)", "detected dead (0.99 s)", "replaced by Server 4 (1.00 s)");
        // the answers' and the retries' panels keep the lines and carry no text
        for (XYPlot panel : panels.subList(1, 3)) {
            assertThat(markers(panel)).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line.getLabel()).isNull());
        }
        List<String> key = new ArrayList<>();
        for (int i = 0; i < chart.getPlot().getLegendItems().getItemCount(); i++) {
            key.add(chart.getPlot().getLegendItems().get(i).getLabel());
        }
        assertThat(key).contains("asked 2,000/s");
    }

    /**
     * Each y axis' title is drawn rotated, centred on its own panel: it must end before the next panel's
     * title begins (A-3 and flapping drew "keys moved, cumulative (500 distinct)" over "per second") and
     * stay within the plot (A-5's ran up into its subtitle), at the smallest sizes the window lays a
     * chart out at (720 x 450 at a desk, 480 x 420 zoomed in presentation mode).
     */
    @Test
    void everyAxisTitleStaysBesideItsOwnPanelAtTheWindowsSmallestSizes() {
        HotKeysResult hotKeys = hotKeys();
        FlappingResult flapping = flapping();
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("A-3", FailoverCharts.chart(failover()));
        charts.put("flapping", FlappingCharts.charts(flapping).get(0));
        charts.put("A-5 over time", HotKeysCharts.overTime(hotKeys));
        charts.put("A-5 overall", HotKeysCharts.overall(hotKeys));
        charts.put("A-6", GrayFailureCharts.run("A-6", "", List.of(new LatencyBucket(0, 8000, 1600, 0, 10, 1, 500, 900)),
                List.of(new TimelineEvent(1000, "frozen", "Server 1", "")), 500, "caption"));
        for (int[] size : new int[][] {{720, 450}, {480, 420}}) {
            charts.forEach((name, chart) -> {
                ChartRenderingInfo info = new ChartRenderingInfo();
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
                Graphics2D graphics = image.createGraphics();
                chart.draw(graphics, new Rectangle2D.Double(0, 0, size[0], size[1]), info);
                FontRenderContext text = graphics.getFontRenderContext();
                graphics.dispose();
                PlotRenderingInfo whole = info.getPlotInfo();
                List<double[]> titles = new ArrayList<>();
                List<? extends Plot> panels = chart.getPlot() instanceof CombinedDomainXYPlot combined
                        ? combined.getSubplots() : List.of(chart.getPlot());
                for (int i = 0; i < panels.size(); i++) {
                    Axis axis = panels.get(i) instanceof CategoryPlot bars ? bars.getRangeAxis()
                            : ((XYPlot) panels.get(i)).getRangeAxis();
                    if (!axis.isVisible() || axis.getLabel() == null) {
                        continue; // the events' lane
                    }
                    Rectangle2D data = panels.size() == 1 ? whole.getDataArea() : whole.getSubplotInfo(i).getDataArea();
                    double half = axis.getLabelFont().getStringBounds(axis.getLabel(), text).getWidth() / 2;
                    titles.add(new double[] {data.getCenterY() - half, data.getCenterY() + half});
                }
                String where = name + " at " + size[0] + "x" + size[1];
                for (double[] title : titles) {
                    assertThat(title[0]).as(where + ": a title's top").isGreaterThanOrEqualTo(whole.getPlotArea().getMinY());
                    assertThat(title[1]).as(where + ": a title's bottom").isLessThanOrEqualTo(whole.getPlotArea().getMaxY());
                }
                for (int i = 1; i < titles.size(); i++) {
                    assertThat(titles.get(i)[0]).as(where + ": panel %d's title starts below the one above", i)
                            .isGreaterThan(titles.get(i - 1)[1]);
                }
            });
        }
    }

    private static List<Marker> markers(XYPlot panel) {
        List<Marker> all = new ArrayList<>();
        for (var markers : java.util.Arrays.asList(panel.getDomainMarkers(Layer.FOREGROUND), panel.getRangeMarkers(Layer.FOREGROUND))) {
            if (markers != null) {
                markers.forEach(marker -> all.add((Marker) marker));
            }
        }
        return all;
    }

    /** A-3 as it ran: Server 2 killed at 0.5 s, declared dead and replaced by Server 4 half a second later. */
    private static FailoverResult failover() {
        List<TimeBucket> buckets = new ArrayList<>();
        for (long at = 0; at < 2000; at += 100) {
            int retried = at >= 500 && at < 1000 ? 60 : 0;
            buckets.add(new TimeBucket(at, at + 100, 200, 200, 0, retried));
        }
        List<TimelineEvent> events = List.of(new TimelineEvent(500, "killed", "Server 2", ""),
                new TimelineEvent(990, "detected", "Server 2", ""), new TimelineEvent(1000, "up", "Server 4", ""));
        return new FailoverResult(FailoverExperimentTest.parameters(null), "simulation", "Server 2", "Server 4", 500.0,
                990.0, 1000.0, events, buckets, Duration.ofSeconds(2));
    }

    /** Flapping without hysteresis: frozen at 1 s and 3 s, declared dead each time, 607 keys moved. */
    private static FlappingResult flapping() {
        FlappingParameters parameters = new FlappingParameters(dev.ringlab.ring.RingConfig.DEFAULT.withHash(
                dev.ringlab.ring.RingHash.MURMUR3), 3, new Workload(1, 7, 1), 100, Duration.ofSeconds(5), null,
                Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 2, Duration.ofMillis(500), Duration.ofMillis(250));
        List<LatencyBucket> buckets = new ArrayList<>();
        for (long at = 0; at < 5000; at += 250) {
            buckets.add(new LatencyBucket(at, at + 250, 25, 0, at % 2000 >= 1000 ? 12 : 0, 1, 500, 500));
        }
        FlapRun without = new FlapRun("no hysteresis (fall 1, rise 1)", 1, 1, 2, 4, 607, 2, 2, 500, 0, 53, 501,
                List.of(new FlapRun.KeyMoveAt(1700, 350), new FlapRun.KeyMoveAt(3600, 257)),
                List.of(new double[] {1000, 2000}, new double[] {3000, 4000}),
                List.of(new TimelineEvent(1700, "dead", "Server 2", "")), buckets);
        FlapRun with = new FlapRun("fall 3, rise 2", 3, 2, 2, 0, 0, 0, 0, 500, 0, 53, 501, List.of(),
                List.of(new double[] {1000, 2000}, new double[] {3000, 4000}), List.of(), buckets);
        return new FlappingResult(parameters, "simulation", without, with, Duration.ofSeconds(10));
    }

    /** A-5 over ten servers: three algorithms near 2 to 2.8 times the mean, bounded loads under its cap of 1.25. */
    private static HotKeysResult hotKeys() {
        List<Integer> ends = new ArrayList<>();
        for (int end = 1000; end <= 50_000; end += 1000) {
            ends.add(end);
        }
        List<HotKeysRun> runs = new ArrayList<>();
        double[] busiest = {2.0, 2.7, 2.8, 1.22};
        String[] names = {"ring", "maglev", "rendezvous", "bounded"};
        for (int i = 0; i < names.length; i++) {
            double level = busiest[i];
            runs.add(new HotKeysRun(names[i], ends, ends.stream().map(end -> level).toList(),
                    List.of(new ServerLoad("Server 1", 10_000)), i == 3 ? 11_560 : 0));
        }
        return new HotKeysResult(HotKeysExperimentTest.parameters(1.1), runs, List.of(0.151, 0.05), Duration.ofSeconds(1));
    }
}
