package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** A-2's chart: the load per server against N, the mean with its band, the busiest and the quietest. */
final class ScalingCharts {

    private ScalingCharts() {
    }

    /**
     * the mean load per server against N (which is the even share) with a band of one standard
     * deviation that never dips below zero, and the busiest and quietest server in colours of their own.
     */
    static JFreeChart chart(ScalingResult result) {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        YIntervalSeries mean = new YIntervalSeries("mean = even share (requests / N), band ± 1 std dev");
        XYSeries max = new XYSeries("busiest server (max)");
        XYSeries min = new XYSeries("quietest server (min)");
        for (ScalingStep step : result.steps()) {
            LoadSpread spread = step.spread();
            mean.add(step.servers(), spread.mean(), Math.max(0, spread.mean() - spread.stdDev()),
                    spread.mean() + spread.stdDev());
            max.add(step.servers(), spread.max());
            min.add(step.servers(), spread.min());
        }
        band.addSeries(mean);
        XYSeriesCollection extremes = new XYSeriesCollection();
        extremes.addSeries(max);
        extremes.addSeries(min);
        ScalingParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createXYLineChart(
                "A-2: requests per server against N (" + result.hash() + " hash)",
                "servers (N)", "requests per server", band, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        ChartStyle.styleXy(plot);
        DeviationRenderer deviation = new DeviationRenderer(true, true);
        deviation.setSeriesPaint(0, ChartStyle.BLUE);
        deviation.setSeriesFillPaint(0, ChartStyle.BLUE);
        deviation.setSeriesStroke(0, new BasicStroke(3f));
        deviation.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        deviation.setAlpha(0.18f);
        plot.setRenderer(0, deviation);
        plot.setDataset(1, extremes);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, ChartStyle.VERMILION);
        lines.setSeriesStroke(0, ChartStyle.dashed(2.5f));
        lines.setSeriesShape(0, triangle(true));
        lines.setSeriesPaint(1, ChartStyle.GREEN);
        lines.setSeriesStroke(1, ChartStyle.dotted(3f));
        lines.setSeriesShape(1, triangle(false));
        plot.setRenderer(1, lines);
        // Loads are counts: the axis starts at zero, and so does the band.
        ((NumberAxis) plot.getRangeAxis()).setRangeType(RangeType.POSITIVE);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same " + count(parameters.workload().requests())
                + " requests at each N from " + parameters.minServers() + " to " + parameters.maxServers()));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.minServers() + "–"
                + parameters.maxServers() + " servers", parameters.workload(), result.testbed()));
        return chart;
    }

    private static java.awt.Shape triangle(boolean up) {
        Path2D.Double shape = new Path2D.Double();
        double tip = up ? -6 : 6;
        shape.moveTo(0, tip);
        shape.lineTo(6, -tip);
        shape.lineTo(-6, -tip);
        shape.closePath();
        return shape;
    }

}
