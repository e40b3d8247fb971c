package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/** A-3 as an {@link Analysis}: a server crashed mid-stream, detected and replaced. */
final class FailoverAnalysis extends Analysis<FailoverParameters, FailoverResult> {

    FailoverAnalysis() {
        super("a3", "A-3", "A-3: kill a server and recover",
                "Sends a paced stream to N servers, kills one (the busiest unless you name it) after a second, and "
                        + "shows when the health monitor noticed, when the replacement joined, and the requests per "
                        + "second and errors across it.",
                Set.of(Input.REQUESTS, Input.CONCURRENCY, Input.SERVERS, Input.FAILURE));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("a3 kills a replica, which a balancer reached with --target cannot do through its API;"
                + " run a3 with --backend process (or sim)");
    }

    @Override
    protected FailoverParameters parameters(AnalysisInput input) {
        return new FailoverParameters(input.ring(), input.servers(), input.workload(), input.rate(),
                input.killAfter(), input.victim(), FailoverParameters.DEFAULT_BUCKET, FailoverParameters.DEFAULT_SETTLE);
    }

    @Override
    protected Runner<FailoverParameters, FailoverResult> runner(TestbedFactory testbeds) {
        FailoverExperiment experiment = new FailoverExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    @Override
    protected JFreeChart liveChart(FailoverParameters parameters, LiveView live) {
        LiveTally tally = live.tally();
        FailoverResult sofar = new FailoverResult(parameters, "live", tally.victim(), tally.replacement(),
                tally.killedAt(), tally.detectedAt(), tally.replacedAt(), tally.events(), tally.buckets(),
                live.elapsed());
        JFreeChart chart = FailoverCharts.chart(sofar);
        chart.setTitle(ChartStyle.liveTitle(label(), parameters.workload(), live)
                + (tally.victim() == null ? "" : ", " + tally.victim() + " killed"));
        return chart;
    }

    @Override
    protected List<JFreeChart> charts(FailoverResult result) {
        return List.of(FailoverCharts.chart(result));
    }

    /** a3.csv (per time bucket), a3-events.csv, a3.png */
    @Override
    protected List<Path> write(FailoverResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("a3.csv");
        Path events = folder.resolve("a3-events.csv");
        Path png = folder.resolve("a3.png");
        CsvExport.failover(result, csv);
        CsvExport.failoverEvents(result, events);
        ExperimentFiles.png(FailoverCharts.chart(result), png);
        return List.of(csv, events, png);
    }

    /** The buckets into the chosen file, the events next to it ({@code -events}). */
    @Override
    protected List<Path> exportCsv(FailoverResult result, Path file) throws IOException {
        Path events = ExperimentFiles.sibling(file, "-events");
        CsvExport.failover(result, file);
        CsvExport.failoverEvents(result, events);
        return List.of(file, events);
    }

    @Override
    protected void printTable(FailoverResult result, PrintWriter out) {
        ResultTable.print(result, out);
    }

    @Override
    protected String summary(FailoverResult r) {
        return String.format(Locale.ROOT, "A-3 done in %s: %s killed, detected after %s, replaced after %s; %d ok, %d failed%s.",
                Elapsed.said(r.elapsed()), r.victim(), millis(r.detectionMillis()),
                millis(r.recoveryMillis()), r.ok(), r.failed(), r.keptRate() ? ""
                        : String.format(Locale.ROOT, "; %,d/s asked, %,.0f/s reached", r.parameters().rate(),
                                r.reachedRate()));
    }

    private static String millis(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    @Override
    protected String fileStem(FailoverResult r) {
        return "a3-" + r.parameters().ring().hash().name() + "-n" + r.parameters().servers();
    }

    /** The request counts, and (when they happened) when the kill was noticed and the replacement joined. */
    @Override
    protected Map<String, Double> figures(FailoverResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("sent", (double) r.sent());
        figures.put("ok", (double) r.ok());
        figures.put("failed", (double) r.failed());
        figures.put("retried", (double) r.retried());
        if (r.detectionMillis() != null) {
            figures.put("detected_ms", r.detectionMillis());
        }
        if (r.recoveryMillis() != null) {
            figures.put("replaced_ms", r.recoveryMillis());
        }
        return figures;
    }

    @Override
    protected Set<String> figureNames(FailoverParameters parameters) {
        return Set.of("sent", "ok", "failed", "retried", "detected_ms", "replaced_ms");
    }
}
