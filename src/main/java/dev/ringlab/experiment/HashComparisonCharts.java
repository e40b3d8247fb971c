package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** A-4's two charts, side by side: again under each hash on the same keys and servers. */
final class HashComparisonCharts {

    /**
     * Hashes where they are lines and bands, not bars: assignment vermilion, murmur3 blue, the course's
     * second version (assignment-v2) an orange far lighter than the vermilion.
     */
    private static final Color ASSIGNMENT = ChartStyle.VERMILION;
    private static final Color ASSIGNMENT_V2 = new Color(0xE69F00);
    private static final Color MURMUR3 = ChartStyle.BLUE;

    private HashComparisonCharts() {
    }

    /**
     * A-4, left: A-1 under each hash on the same servers, a pair of bars per server in the server's
     * colour — solid for the first hash, striped for the second, spotted for the third — and the even
     * share as a line.
     */
    static JFreeChart distribution(HashComparisonResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (HashRun run : result.runs()) {
            run.distribution().loads().forEach(load -> dataset.addValue(load.requests(), run.hash(), load.server()));
        }
        DistributionParameters first = result.runs().get(0).distribution().parameters();
        JFreeChart chart = ChartFactory.createBarChart(
                "A-4: A-1 again, " + hashes(result),
                "server", "requests answered", dataset, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ChartStyle.styleBars(plot, new ServerBars(result.runs().size()));
        long answered = result.runs().get(0).distribution().answered();
        double even = (double) answered / Math.max(1, first.servers());
        plot.addRangeMarker(ChartStyle.reference(even, "even share " + count(Math.round(even))), Layer.FOREGROUND);
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < result.runs().size(); i++) {
            items.add(ChartStyle.boxItem(result.runs().get(i).hash() + " (" + ServerBars.fillName(i) + ")",
                    ServerBars.fill(i, Color.GRAY)));
        }
        items.add(ChartStyle.lineItem("even share: requests / N", ChartStyle.REFERENCE, ChartStyle.dashed(2f)));
        plot.setFixedLegendItems(ChartStyle.items(items.toArray(LegendItem[]::new)));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same keys on the same servers; one colour per server"));
        ChartStyle.caption(chart, ChartStyle.caption(first.ring(), first.servers() + " servers", first.workload(), null)
                .replace("hash " + first.ring().hash().name(), "hashes " + String.join(" and ", hashNames(result))));
        return chart;
    }

    /**
     * A-4, right: A-2 under each hash, a band from the quietest to the busiest server per hash, and the
     * mean once — it is requests / N under every hash, so one line says it for both.
     */
    static JFreeChart scaling(HashComparisonResult result) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (HashRun run : result.runs()) {
            YIntervalSeries series = new YIntervalSeries(run.hash() + ": quietest to busiest server");
            run.scaling().steps().forEach(step ->
                    series.add(step.servers(), step.spread().mean(), step.spread().min(), step.spread().max()));
            bands.addSeries(series);
        }
        XYSeriesCollection means = new XYSeriesCollection();
        XYSeries mean = new XYSeries("mean = even share, requests / N (both hashes)");
        result.runs().get(0).scaling().steps().forEach(step -> mean.add(step.servers(), step.spread().mean()));
        means.addSeries(mean);
        ScalingParameters first = result.runs().get(0).scaling().parameters();
        JFreeChart chart = ChartFactory.createXYLineChart("A-4: A-2 again, " + hashes(result),
                "servers (N)", "requests per server", bands, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        ChartStyle.styleXy(plot);
        // Bands only: their edges are the min and max; the mean is drawn once, on top.
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        for (int i = 0; i < result.runs().size(); i++) {
            Color color = colorOf(result.runs().get(i).hash());
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
        }
        renderer.setAlpha(0.25f);
        plot.setRenderer(0, renderer);
        XYLineAndShapeRenderer meanLine = new XYLineAndShapeRenderer(true, true);
        meanLine.setSeriesPaint(0, ChartStyle.REFERENCE);
        meanLine.setSeriesStroke(0, ChartStyle.dashed(2.5f));
        meanLine.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setDataset(1, means);
        plot.setRenderer(1, meanLine);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        ((NumberAxis) plot.getRangeAxis()).setRangeType(RangeType.POSITIVE);
        List<LegendItem> items = new ArrayList<>();
        for (HashRun run : result.runs()) {
            Color color = colorOf(run.hash());
            items.add(ChartStyle.boxItem(run.hash() + ": band from the quietest to the busiest server",
                    new Color(color.getRed(), color.getGreen(), color.getBlue(), 110)));
        }
        items.add(ChartStyle.lineItem("mean = even share, requests / N (the same for both)", ChartStyle.REFERENCE,
                ChartStyle.dashed(2.5f)));
        plot.setFixedLegendItems(ChartStyle.items(items.toArray(LegendItem[]::new)));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle("the same " + count(first.workload().requests())
                + " requests at each N; a narrow band is an even spread"));
        ChartStyle.caption(chart, ChartStyle.caption(first.ring(), first.minServers() + "–" + first.maxServers()
                + " servers", first.workload(), null)
                .replace("hash " + first.ring().hash().name(), "hashes " + String.join(" and ", hashNames(result))));
        return chart;
    }

    private static List<String> hashNames(HashComparisonResult result) {
        return result.runs().stream().map(HashRun::hash).toList();
    }

    private static String hashes(HashComparisonResult result) {
        return String.join(" vs ", hashNames(result)) + " hash";
    }

    private static Color colorOf(String hash) {
        return "murmur3".equals(hash) ? MURMUR3 : "assignment-v2".equals(hash) ? ASSIGNMENT_V2 : ASSIGNMENT;
    }

}
