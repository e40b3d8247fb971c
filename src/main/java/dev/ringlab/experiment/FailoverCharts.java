package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A-3's chart: answers, retries and failures per second around the kill, detection and replacement. */
final class FailoverCharts {

    private static final Color ANSWERED = ChartStyle.GREEN;
    private static final Color RETRIED = ChartStyle.VERMILION;
    private static final Color FAILED = new Color(0xAA0000);

    private FailoverCharts() {
    }

    /**
     * answered requests per second on top, retried and failed on a panel of their own below
     * (each panel's axis says its scale, so a few retries never look as common as the answers), with
     * the kill, the detection and the replacement as labelled lines across both, each label on its
     * own row so none hides another.
     */
    static JFreeChart chart(FailoverResult result) {
        XYSeries ok = new XYSeries("answered");
        XYSeries retried = new XYSeries("retried clockwise");
        XYSeries failed = new XYSeries("failed");
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

        NumberAxis answeredAxis = countAxis("answered per second");
        XYPlot top = new XYPlot(new XYSeriesCollection(ok), null, answeredAxis, ChartStyle.step(ANSWERED, new BasicStroke(2.5f)));
        ChartStyle.styleXy(top);
        // Room above the lines for the stacked labels.
        answeredAxis.setUpperMargin(0.40);
        ValueMarker asked = ChartStyle.reference(parameters.rate(), "asked " + count(parameters.rate()) + "/s");
        top.addRangeMarker(asked, Layer.FOREGROUND);

        NumberAxis troubleAxis = countAxis("retried, failed /s");
        troubleAxis.setAutoRangeMinimumSize(10);
        XYSeriesCollection trouble = new XYSeriesCollection();
        trouble.addSeries(retried);
        trouble.addSeries(failed);
        XYStepRenderer troubleLines = ChartStyle.step(RETRIED, new BasicStroke(2.5f));
        troubleLines.setSeriesPaint(1, FAILED);
        troubleLines.setSeriesStroke(1, ChartStyle.dashed(2.5f));
        XYPlot bottom = new XYPlot(trouble, null, troubleAxis, troubleLines);
        ChartStyle.styleXy(bottom);
        plot.add(top, 3);
        plot.add(bottom, 2);

        List<Milestone> milestones = new ArrayList<>();
        milestones.add(new Milestone(result.killedAtMillis(), "killed " + result.victim(), new Color(0xAA0000)));
        milestones.add(new Milestone(result.detectedAtMillis(), "detected dead", new Color(0x6A3D9A)));
        milestones.add(new Milestone(result.replacedAtMillis(), result.replacement() == null ? "replaced"
                : "replaced by " + result.replacement(), ChartStyle.BLUE));
        int row = 0;
        for (Milestone milestone : milestones) {
            if (milestone.millis() != null) {
                top.addDomainMarker(milestone.marker(row++, end, true), Layer.FOREGROUND);
                bottom.addDomainMarker(milestone.marker(0, end, false), Layer.FOREGROUND);
            }
        }
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

    /** A moment of A-3 as a vertical line; its label sits on its own row at the top of the upper panel. */
    private record Milestone(Double millis, String label, Color color) {

        ValueMarker marker(int row, double end, boolean labelled) {
            double seconds = millis / 1000.0;
            // One row per label, a line and a half of the label font apart: they cannot overlap.
            return labelled ? ChartStyle.moment(seconds, color, 2f, label, row, 22, end)
                    : new ValueMarker(seconds, color, new BasicStroke(2f));
        }
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setRangeType(RangeType.POSITIVE); // counts: no negative axis when all are 0
        return axis;
    }
}
