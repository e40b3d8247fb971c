package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A-3's chart: answers, retries and failures per second around the kill, detection and replacement. */
final class FailoverCharts {

    private static final Color ANSWERED = ChartStyle.GREEN;
    private static final Color KILLED = new Color(0xAA0000);
    private static final Color DETECTED = new Color(0x6A3D9A);

    private FailoverCharts() {
    }

    /**
     * answered requests per second on top, retried and failed on a panel of their own below
     * (each panel's axis says its scale, so a few retries never look as common as the answers), with
     * the kill, the detection and the replacement as lines across both, named in a lane above them
     * ({@link EventLane}) where no name hides another or the data.
     */
    static JFreeChart chart(FailoverResult result) {
        XYSeries ok = new XYSeries("answered");
        XYSeries retried = new XYSeries("retried clockwise / s");
        XYSeries failed = new XYSeries("failed / s");
        for (TimeBucket bucket : result.buckets()) {
            double at = bucket.startMillis() / 1000.0;
            ok.add(at, bucket.rate(bucket.ok()));
            retried.add(at, bucket.rate(bucket.retried()));
            failed.add(at, bucket.rate(bucket.failed()));
        }
        if (!result.buckets().isEmpty()) {
            // Each bucket is drawn as a step over its whole width, so the last one needs its end too.
            TimeBucket last = result.buckets().get(result.buckets().size() - 1);
            ok.add(last.endMillis() / 1000.0, last.rate(last.ok()));
            retried.add(last.endMillis() / 1000.0, last.rate(last.retried()));
            failed.add(last.endMillis() / 1000.0, last.rate(last.failed()));
        }
        FailoverParameters parameters = result.parameters();
        NumberAxis time = new NumberAxis("time since the first request (s)");
        time.setLabelFont(ChartStyle.AXIS);
        time.setTickLabelFont(ChartStyle.TICKS);
        double end = result.buckets().isEmpty() ? 1 : result.buckets().get(result.buckets().size() - 1).endMillis() / 1000.0;
        // A detection or replacement after the last request still gets its line on the chart.
        for (Double millis : new Double[] {result.killedAtMillis(), result.detectedAtMillis(), result.replacedAtMillis()}) {
            if (millis != null) {
                end = Math.max(end, millis / 1000.0 * 1.02);
            }
        }
        time.setRange(0, end);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);

        // A short title: centred on its panel, a longer one ran into the panel below in a window.
        NumberAxis answeredAxis = countAxis("answered / s");
        XYPlot top = new XYPlot(new XYSeriesCollection(ok), null, answeredAxis, ChartStyle.step(ANSWERED, new BasicStroke(2.5f)));
        ChartStyle.styleXy(top);
        // The asked rate is named in the key: on the plot its name sat on the answered line, which runs along it.
        ChartStyle.keyedLine(top, ChartStyle.reference(parameters.rate(), null), "asked " + count(parameters.rate()) + "/s");
        XYPlot bottom = GrayFailureCharts.trouble(retried, failed);
        // Under the lane the two panels are too low for two titles side by side (in presentation mode the
        // two ran into each other): the retries' unit is in their names in the key ("retried clockwise / s").
        bottom.getRangeAxis().setLabel(null);

        // The moments' names in a lane of their own above the answers: inside that panel they sat on its line.
        EventLane lane = new EventLane(end);
        moment(lane, result.killedAtMillis(), KILLED, "killed " + result.victim(), top, bottom);
        moment(lane, result.detectedAtMillis(), DETECTED, "detected dead", top, bottom);
        moment(lane, result.replacedAtMillis(), ChartStyle.BLUE,
                result.replacement() == null ? "replaced" : "replaced by " + result.replacement(), top, bottom);
        if (lane.rowCount() > 0) {
            plot.add(lane.plot(), lane.weight());
        }
        // 6 and 4, the weights the lane is sized against (as A-6's panels)
        plot.add(top, 6);
        plot.add(bottom, 4);

        String rate = result.keptRate() || result.sent() == 0 ? "at " + count(parameters.rate()) + "/s"
                : "at " + count(parameters.rate()) + "/s asked, " + count(Math.round(result.reachedRate())) + "/s reached";
        JFreeChart chart = new JFreeChart("A-3: " + (result.victim() == null ? "a server" : result.victim())
                + " killed during " + count(parameters.workload().requests()) + " requests " + rate,
                ChartStyle.TITLE, plot, true);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(String.format(Locale.ROOT,
                "%s ok, %s retried, %s failed; detected %s, replaced %s after the kill; %d ms buckets",
                count(result.ok()), count(result.retried()), count(result.failed()), after(result.detectionMillis()),
                after(result.recoveryMillis()), parameters.bucket().toMillis())));
        ChartStyle.caption(chart, ChartStyle.caption(parameters.ring(), parameters.servers() + " servers",
                parameters.workload(), result.testbed()));
        return chart;
    }

    private static String after(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** A moment that happened ({@code millis} not null): its name in the lane, its line across both panels. */
    private static void moment(EventLane lane, Double millis, Color color, String name, XYPlot... panels) {
        if (millis == null) {
            return;
        }
        double seconds = millis / 1000.0;
        lane.add(seconds, color, name);
        for (XYPlot panel : panels) {
            panel.addDomainMarker(new ValueMarker(seconds, color, new BasicStroke(2f)), Layer.FOREGROUND);
        }
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setRangeType(RangeType.POSITIVE); // counts: no negative axis when all are 0
        return axis;
    }
}
