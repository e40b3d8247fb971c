package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A-1's chart, a bar per server, final and live. The live one is also what draw
 * while they run: the load so far on the ring as it is now.
 */
final class DistributionCharts {

    private DistributionCharts() {
    }

    /** a bar per server in its colour, its count on top, and the even share as a line. */
    static JFreeChart chart(DistributionResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        result.loads().forEach(load -> dataset.addValue(load.requests(), "requests", load.server()));
        DistributionParameters parameters = result.parameters();
        JFreeChart chart = ChartFactory.createBarChart(
                "A-1: " + count(parameters.workload().requests()) + " requests over " + parameters.servers()
                        + " servers (" + result.hash() + " hash)",
                "server", "requests answered", dataset, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ServerBars bars = new ServerBars(1);
        ChartStyle.styleBars(plot, bars);
        double even = result.loads().isEmpty() ? 0 : (double) result.answered() / result.loads().size();
        plot.addRangeMarker(ChartStyle.reference(even, "even share " + count(Math.round(even))), Layer.FOREGROUND);
        plot.setFixedLegendItems(ChartStyle.items(
                ChartStyle.boxItem("requests a server answered (one colour per server)", result.loads().isEmpty()
                        ? ChartStyle.series(0) : ChartStyle.server(result.loads().get(0).server())),
                ChartStyle.lineItem("even share: answered / N", ChartStyle.REFERENCE, ChartStyle.dashed(2f))));
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(spreadLine(result.spread(), result.failed())));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.servers() + " servers",
                parameters.workload(), result.testbed()));
        return chart;
    }

    /**
     * The load of a run so far, on the servers of the ring as it is now, titled with how many requests
     * have gone out of how many (the bars add up to the requests answered at this stage).
     */
    static JFreeChart live(String label, Workload workload, LiveView live) {
        RingSnapshot ring = live.ring();
        List<String> names = ring == null ? List.of() : ring.servers().stream().map(Server::name).toList();
        DistributionParameters now = new DistributionParameters(ring == null ? RingConfig.DEFAULT : ring.config(),
                Math.max(1, names.size()), workload);
        JFreeChart chart = chart(new DistributionResult(now, "live", live.tally().loads(names),
                live.tally().failed(), live.tally().retried(), live.elapsed()));
        chart.setTitle(ChartStyle.liveTitle(label, workload, live) + " over " + names.size() + " servers ("
                + now.ring().hash().name() + " hash)");
        chart.getTitle().setFont(ChartStyle.TITLE);
        return chart;
    }

    private static String spreadLine(LoadSpread spread, long failed) {
        return String.format(Locale.ROOT, "busiest %s, quietest %s, std dev %s, even share %s%s", count(spread.max()),
                count(spread.min()), count(Math.round(spread.stdDev())), count(Math.round(spread.mean())),
                failed == 0 ? "" : "; " + count(failed) + " failed");
    }

}
