package dev.ringlab.experiment;

import static dev.ringlab.experiment.ChartStyle.count;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Flapping's charts and CSV. Per run: the keys of the stream moved to another server so far (a step at
 * every ring change) and the servers on the ring on top, retried and failed requests per second below;
 * the moments the server was frozen are shaded grey across both. The two runs side by side, on the
 * same scale, so "no hysteresis" and "fall/rise" compare at a glance.
 */
final class FlappingCharts {

    private static final Color MOVED = new Color(0xD55E00);
    private static final Color DOWN = new Color(0, 0, 0, 28);
    private static final Color DEAD = new Color(0x6A3D9A);

    private FlappingCharts() {
    }

    static List<JFreeChart> charts(FlappingResult result) {
        long most = Math.max(10, result.runs().stream().mapToLong(FlapRun::keysMoved).max().orElse(0));
        return result.runs().stream().map(run -> run(result, run, most)).toList();
    }

    static JFreeChart run(FlappingResult result, FlapRun run, long most) {
        FlappingParameters p = result.parameters();
        // How many distinct keys there are goes in the key: in the axis title it made the title longer
        // than its panel in a window, and it ran into the title of the panel below.
        XYSeries moved = new XYSeries("keys moved so far (of " + count(distinct(result)) + " distinct)");
        moved.add(0, 0);
        long total = 0;
        for (FlapRun.KeyMoveAt move : run.moves()) {
            total += move.keys();
            moved.add(move.atMillis() / 1000.0, total);
        }
        double end = Math.max(p.duration().toMillis() / 1000.0,
                run.buckets().isEmpty() ? 0 : run.buckets().get(run.buckets().size() - 1).endMillis() / 1000.0);
        moved.add(end, total);
        XYSeries retried = new XYSeries("retried clockwise / s");
        XYSeries failed = new XYSeries("failed / s");
        for (LatencyBucket bucket : run.buckets()) {
            double perSecond = 1000.0 / (bucket.endMillis() - bucket.startMillis());
            retried.add(bucket.startMillis() / 1000.0, bucket.retried() * perSecond);
            failed.add(bucket.startMillis() / 1000.0, bucket.failed() * perSecond);
        }
        NumberAxis time = new NumberAxis("time since the first request (s)");
        time.setRange(0, end);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        NumberAxis keysAxis = new NumberAxis("keys moved");
        keysAxis.setRangeType(RangeType.POSITIVE);
        keysAxis.setRange(0, most * 1.15);
        XYStepRenderer movedLine = GrayFailureCharts.step(MOVED, new BasicStroke(3f));
        XYPlot top = new XYPlot(new XYSeriesCollection(moved), null, keysAxis, movedLine);
        ChartStyle.styleXy(top);
        keysAxis.setRange(0, most * 1.15);
        XYPlot bottom = GrayFailureCharts.trouble(retried, failed);
        for (double[] down : run.downs()) {
            for (XYPlot panel : List.of(top, bottom)) {
                IntervalMarker shade = new IntervalMarker(down[0] / 1000.0, down[1] / 1000.0, DOWN);
                panel.addDomainMarker(shade, Layer.BACKGROUND);
            }
        }
        for (TimelineEvent event : run.events()) {
            if (event.kind().equals("dead")) {
                top.addDomainMarker(new ValueMarker(event.atMillis() / 1000.0, DEAD, ChartStyle.dashed(1.5f)),
                        Layer.FOREGROUND);
            }
        }
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart("Flapping: " + run.label(), ChartStyle.TITLE, plot, true);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(subtitle(run)));
        ChartStyle.caption(chart, caption(result));
        return chart;
    }

    static String subtitle(FlapRun run) {
        return String.format(Locale.ROOT, "%d flaps (grey): %d ring changes, %s keys moved, %d declared dead, %d replaced;"
                        + " %s sent, %s failed, %s retried, p99 %.0f ms", run.flaps(), run.ringChanges(), count(run.keysMoved()),
                run.deaths(), run.replacements(), count(run.sent()), count(run.failed()), count(run.retried()), run.p99Ms());
    }

    static String caption(FlappingResult result) {
        FlappingParameters p = result.parameters();
        return ChartStyle.caption(p.ring(), p.servers() + " servers", new Workload(p.requests(), p.workload().seed(), 1),
                result.testbed()) + String.format(Locale.ROOT, " · %d/s · frozen %d ms every %.1f s · heartbeat 200 ms",
                p.rate(), p.down().toMillis(), p.every().toMillis() / 1000.0);
    }

    private static long distinct(FlappingResult result) {
        FlappingParameters p = result.parameters();
        return java.util.Arrays.stream(new Workload(p.requests(), p.workload().seed(), 1).keys()).distinct().count();
    }

    /** {@code flap.csv}: a row per run with its counts. */
    static void summary(FlappingResult result, Path file) throws IOException {
        try (CSVPrinter csv = CsvExport.printer(file, "fall", "rise", "flaps", "ring_changes", "keys_moved", "declared_dead",
                "replaced", "sent", "failed", "retried", "p99_ms")) {
            for (FlapRun run : result.runs()) {
                csv.printRecord(run.fall(), run.rise(), run.flaps(), run.ringChanges(), run.keysMoved(), run.deaths(),
                        run.replacements(), run.sent(), run.failed(), run.retried(),
                        String.format(Locale.ROOT, "%.1f", run.p99Ms()));
            }
        }
    }

    /** {@code flap-events.csv}: every flap, death, replacement and ring change of both runs. */
    static void events(FlappingResult result, Path file) throws IOException {
        try (CSVPrinter csv = CsvExport.printer(file, "fall", "rise", "at_ms", "event", "server", "detail")) {
            for (FlapRun run : result.runs()) {
                for (TimelineEvent e : run.events()) {
                    csv.printRecord(run.fall(), run.rise(), String.format(Locale.ROOT, "%.1f", e.atMillis()), e.kind(),
                            e.server(), e.detail());
                }
            }
        }
    }
}
