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
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A-6's charts and CSV. Per run: the clients' latency (median and 99th percentile, on a log scale so
 * that a 1 ms median and a 500 ms tail both read) on top, failed and retried requests per second
 * below, and the events across both: frozen, slowed, ejected and returned (passive health), declared
 * dead and replaced (heartbeats). The two runs go side by side in one PNG.
 */
final class GrayFailureCharts {

    private static final Color P50 = new Color(0x0072B2);
    private static final Color P99 = new Color(0xD55E00);
    private static final Color RETRIED = new Color(0xE69F00);
    private static final Color FAILED = new Color(0xAA0000);
    private static final Color FAULT = new Color(0x333333);
    private static final Color EJECTED = new Color(0x009E73);
    private static final Color HEARTBEAT = new Color(0x6A3D9A);

    private GrayFailureCharts() {
    }

    /** One run as a chart: {@code title} on top, then its buckets and events. */
    static JFreeChart run(String title, String subtitle, List<LatencyBucket> buckets, List<TimelineEvent> events,
                          double tryTimeoutMs, String caption) {
        XYSeries p50 = new XYSeries("median latency");
        XYSeries p99 = new XYSeries("99th percentile");
        XYSeries retried = new XYSeries("retried clockwise / s");
        XYSeries failed = new XYSeries("failed / s");
        for (LatencyBucket bucket : buckets) {
            double at = bucket.startMillis() / 1000.0;
            double perSecond = 1000.0 / (bucket.endMillis() - bucket.startMillis());
            if (bucket.sent() > 0) {
                p50.add(at, Math.max(0.1, bucket.p50Ms()));
                p99.add(at, Math.max(0.1, bucket.p99Ms()));
            }
            retried.add(at, bucket.retried() * perSecond);
            failed.add(at, bucket.failed() * perSecond);
        }
        double end = buckets.isEmpty() ? 1 : buckets.get(buckets.size() - 1).endMillis() / 1000.0;
        if (!buckets.isEmpty()) {
            LatencyBucket last = buckets.get(buckets.size() - 1);
            double perSecond = 1000.0 / (last.endMillis() - last.startMillis());
            if (last.sent() > 0) {
                p50.add(end, Math.max(0.1, last.p50Ms()));
                p99.add(end, Math.max(0.1, last.p99Ms()));
            }
            retried.add(end, last.retried() * perSecond);
            failed.add(end, last.failed() * perSecond);
        }
        NumberAxis time = new NumberAxis("time since the first request (s)");
        time.setRange(0, end);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);

        // short: in a window the panel is lower than a longer label, which ran into the panel below
        LogarithmicAxis latency = new LogarithmicAxis("latency (ms, log)");
        latency.setAllowNegativesFlag(false);
        latency.setStrictValuesFlag(false);
        XYSeriesCollection latencies = new XYSeriesCollection();
        latencies.addSeries(p50);
        latencies.addSeries(p99);
        XYStepRenderer latencyLines = step(P50, new BasicStroke(2.5f));
        latencyLines.setSeriesPaint(1, P99);
        latencyLines.setSeriesStroke(1, new BasicStroke(2.5f));
        XYPlot top = new XYPlot(latencies, null, latency, latencyLines);
        ChartStyle.styleXy(top);
        latency.setAutoRangeIncludesZero(false);
        latency.setUpperMargin(0.15);
        latency.setAutoRangeMinimumSize(10);
        ChartStyle.keyedLine(top, ChartStyle.reference(tryTimeoutMs, null), "try timeout " + Math.round(tryTimeoutMs) + " ms");

        XYPlot bottom = trouble(retried, failed);
        EventLane lane = new EventLane(end);
        for (TimelineEvent event : events) {
            double seconds = event.atMillis() / 1000.0;
            if (seconds < 0 || seconds > end) {
                continue;
            }
            Color color = colorOf(event.kind());
            lane.add(seconds, color, event.kind() + " " + event.server());
            top.addDomainMarker(new ValueMarker(seconds, color, new BasicStroke(1.5f)), Layer.FOREGROUND);
            bottom.addDomainMarker(new ValueMarker(seconds, color, new BasicStroke(1.5f)), Layer.FOREGROUND);
        }
        // The events' names in a lane of their own above the latency: inside the latency plot they sat on its lines.
        if (lane.rowCount() > 0) {
            plot.add(lane.plot(), lane.weight());
        }
        plot.add(top, 6);
        plot.add(bottom, 4);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.slide(chart);
        chart.addSubtitle(ChartStyle.subtitle(subtitle));
        ChartStyle.caption(chart, caption);
        return chart;
    }

    /**
     * A fault lesson's run so far, from the window's counts and the events it saw: what A-6 and flapping
     * both draw live. Its clock and buckets are the final chart's (time since the run's first request,
     * {@code bucketMillis} by send time), and its failed and retried counts are the progress the status
     * line shows in the same frame, so the live chart, the status line and the final chart agree.
     */
    static JFreeChart live(String label, dev.ringlab.ring.RingConfig ring, int servers, Workload workload,
                           double tryTimeoutMs, long bucketMillis, LiveView live) {
        LiveTally tally = live.tally();
        Progress progress = live.progress();
        String stage = progress == null ? label : progress.stage();
        String subtitle = progress == null ? "starting"
                : String.format(Locale.ROOT, "%s failed, %s retried so far in this run", count(progress.failed()),
                        count(progress.retried()));
        return run(stage + " (live)", subtitle, tally.streamBuckets(bucketMillis), tally.events(), tryTimeoutMs,
                ChartStyle.caption(ring, servers + " servers", workload, "live"));
    }

    static JFreeChart run(GrayFailureResult result, GrayRun run) {
        GrayFailureParameters parameters = result.parameters();
        return run("A-6: " + run.label(), subtitle(run), run.buckets(), run.events(), parameters.tryTimeout().toMillis(),
                caption(result));
    }

    static String caption(GrayFailureResult result) {
        GrayFailureParameters p = result.parameters();
        return ChartStyle.caption(p.ring(), p.servers() + " servers", new Workload(p.requests(), p.workload().seed(), 1),
                result.testbed()) + String.format(Locale.ROOT, " · %d/s for %.0f s · try timeout %d ms · slow +%d ms",
                p.rate(), p.duration().toMillis() / 1000.0, p.tryTimeout().toMillis(), p.slowMs());
    }

    static String subtitle(GrayRun run) {
        return String.format(Locale.ROOT, "%s sent, %s failed, %s retried; %d ejections, %d returns; frozen %s cost "
                        + "clients until %s after the freeze; slow %s ejected %s, declared dead %s",
                count(run.sent()), count(run.failed()), count(run.retried()), run.ejections(), run.returns(),
                run.frozen(), ms(run.frozenCostEndsMs()), run.slowed(), since(run.slowEjectedMs()),
                run.slowDeadMs() == null ? "never" : since(run.slowDeadMs()));
    }

    private static String ms(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String since(Double millis) {
        return millis == null ? "never" : String.format(Locale.ROOT, "at %.2f s", millis / 1000.0);
    }

    private static Color colorOf(String kind) {
        return switch (kind) {
            case "ejected", "returned" -> EJECTED;
            case "dead", "replaced", "killed", "detected", "up" -> HEARTBEAT;
            default -> FAULT;
        };
    }


    /** The lower panel of the fault lessons: retried (solid) and failed (dashed) requests per second. */
    static XYPlot trouble(XYSeries retried, XYSeries failed) {
        NumberAxis axis = new NumberAxis("per second");
        axis.setRangeType(RangeType.POSITIVE);
        axis.setAutoRangeMinimumSize(10);
        XYSeriesCollection troubles = new XYSeriesCollection();
        troubles.addSeries(retried);
        troubles.addSeries(failed);
        XYStepRenderer lines = step(RETRIED, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, FAILED);
        lines.setSeriesStroke(1, ChartStyle.dashed(2.5f));
        XYPlot panel = new XYPlot(troubles, null, axis, lines);
        ChartStyle.styleXy(panel);
        return panel;
    }

    static XYStepRenderer step(Color color, BasicStroke stroke) {
        return ChartStyle.step(color, stroke);
    }

    /** {@code a6.csv}: a row per run and time bucket. */
    static void buckets(GrayFailureResult result, Path file) throws IOException {
        try (CSVPrinter csv = CsvExport.printer(file, "passive_health", "start_ms", "end_ms", "sent", "failed", "retried",
                "p50_ms", "p99_ms", "max_ms")) {
            for (GrayRun run : result.runs()) {
                for (LatencyBucket b : run.buckets()) {
                    csv.printRecord(run.passiveHealth() ? "on" : "off", b.startMillis(), b.endMillis(), b.sent(), b.failed(),
                            b.retried(), round(b.p50Ms()), round(b.p99Ms()), round(b.maxMs()));
                }
            }
        }
    }

    /** {@code a6-events.csv}: every event of both runs. */
    static void events(GrayFailureResult result, Path file) throws IOException {
        try (CSVPrinter csv = CsvExport.printer(file, "passive_health", "at_ms", "event", "server", "detail")) {
            for (GrayRun run : result.runs()) {
                for (TimelineEvent e : run.events()) {
                    csv.printRecord(run.passiveHealth() ? "on" : "off", round(e.atMillis()), e.kind(), e.server(), e.detail());
                }
            }
        }
    }

    /** {@code a6-summary.csv}: a row per run with the figures the lesson is about. */
    static void summary(GrayFailureResult result, Path file) throws IOException {
        try (CSVPrinter csv = CsvExport.printer(file, "passive_health", "sent", "ok", "failed", "retried", "ejections",
                "returns", "frozen", "frozen_ejected_ms", "frozen_dead_ms", "frozen_cost_ends_ms", "costly_frozen",
                "slowed", "slow_ejected_ms", "slow_dead_ms", "slow_cost_ends_ms", "costly_slow", "p50_ms", "p99_ms",
                "reached_rate")) {
            for (GrayRun r : result.runs()) {
                csv.printRecord(r.passiveHealth() ? "on" : "off", r.sent(), r.ok(), r.failed(), r.retried(), r.ejections(),
                        r.returns(), r.frozen(), cell(r.frozenEjectedMs()), cell(r.frozenDeadMs()),
                        cell(r.frozenCostEndsMs()), r.costlyFrozen(), r.slowed(), cell(r.slowEjectedMs()),
                        cell(r.slowDeadMs()), cell(r.slowCostEndsMs()), r.costlySlow(), round(r.p50Ms()),
                        round(r.p99Ms()), round(r.reachedRate()));
            }
        }
    }

    private static String cell(Double value) {
        return value == null ? "" : round(value);
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
