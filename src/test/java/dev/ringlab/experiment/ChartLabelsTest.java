package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
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
}
