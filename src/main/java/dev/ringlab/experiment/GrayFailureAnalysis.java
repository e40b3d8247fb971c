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

/** A-6 as an {@link Analysis}: a frozen and a slow server, with passive health off and on. */
final class GrayFailureAnalysis extends Analysis<GrayFailureParameters, GrayFailureResult> {

    GrayFailureAnalysis() {
        super("a6", "A-6", "A-6: gray failure and passive health",
                "Paces requests at N servers, freezes the busiest, then slows the busiest other one (its heartbeats "
                        + "stay prompt), twice: passive health off, then on. Charts the clients' median and 99th "
                        + "percentile latency, retries and errors, and when servers were ejected, returned, "
                        + "declared dead and replaced.",
                Set.of(Input.SERVERS, Input.GRAY_FAILURE));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("a6 sets the per-try timeout and passive health of its own balancer, which a balancer"
                + " reached with --target keeps to itself; run a6 with --backend sim, process or docker");
    }

    @Override
    protected GrayFailureParameters parameters(AnalysisInput input) {
        return GrayFailureParameters.of(input);
    }

    @Override
    protected Runner<GrayFailureParameters, GrayFailureResult> runner(TestbedFactory testbeds) {
        GrayFailureExperiment experiment = new GrayFailureExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    /** The run in progress, from the window's counts (its latency percentiles included) and the events it saw. */
    @Override
    protected JFreeChart liveChart(GrayFailureParameters parameters, LiveView live) {
        return GrayFailureCharts.live(label(), parameters.ring(), parameters.servers(),
                new Workload(parameters.requests(), parameters.workload().seed(), 1),
                parameters.tryTimeout().toMillis(), parameters.bucket().toMillis(), live);
    }

    @Override
    protected List<JFreeChart> charts(GrayFailureResult result) {
        return List.of(GrayFailureCharts.run(result, result.off()), GrayFailureCharts.run(result, result.on()));
    }

    /** a6.csv (per run and bucket), a6-events.csv, a6-summary.csv, a6.png (the two runs side by side) */
    @Override
    protected List<Path> write(GrayFailureResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("a6.csv");
        Path events = folder.resolve("a6-events.csv");
        Path summary = folder.resolve("a6-summary.csv");
        Path png = folder.resolve("a6.png");
        GrayFailureCharts.buckets(result, csv);
        GrayFailureCharts.events(result, events);
        GrayFailureCharts.summary(result, summary);
        ExperimentFiles.sideBySide(charts(result), png);
        return List.of(csv, events, summary, png);
    }

    @Override
    protected List<Path> exportCsv(GrayFailureResult result, Path file) throws IOException {
        Path events = ExperimentFiles.sibling(file, "-events");
        Path summary = ExperimentFiles.sibling(file, "-summary");
        GrayFailureCharts.buckets(result, file);
        GrayFailureCharts.events(result, events);
        GrayFailureCharts.summary(result, summary);
        return List.of(file, events, summary);
    }

    @Override
    protected void printTable(GrayFailureResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "A-6 on %s: %d/s for %.0f s, try timeout %d ms, %s frozen at %.1f s, slow +%d ms at %.1f s%n",
                result.testbed(), result.parameters().rate(), result.parameters().duration().toMillis() / 1000.0,
                result.parameters().tryTimeout().toMillis(), result.off().frozen(),
                result.parameters().freezeAt().toMillis() / 1000.0, result.parameters().slowMs(),
                result.parameters().slowAt().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s%n", "", "sent", "failed", "retried", "p50 ms", "p99 ms");
        for (GrayRun run : result.runs()) {
            out.printf(Locale.ROOT, "%-34s %8d %8d %8d %8.1f %8.1f%n", run.label(), run.sent(), run.failed(), run.retried(),
                    run.p50Ms(), run.p99Ms());
        }
        for (GrayRun run : result.runs()) {
            out.printf(Locale.ROOT, "%s:%n", run.label());
            out.printf(Locale.ROOT, "  frozen %s: ejected %s, declared dead %s; cost clients until %s after the freeze"
                            + " (%d requests waited)%n", run.frozen(), at(run.frozenEjectedMs()), at(run.frozenDeadMs()),
                    ms(run.frozenCostEndsMs()), run.costlyFrozen());
            out.printf(Locale.ROOT, "  slow %s: ejected %s, declared dead %s; %d requests waited on it%n", run.slowed(),
                    at(run.slowEjectedMs()), at(run.slowDeadMs()), run.costlySlow());
        }
        out.flush();
    }

    private static String at(Double millis) {
        return millis == null ? "never" : String.format(Locale.ROOT, "at %.0f ms", millis);
    }

    private static String ms(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    @Override
    protected String summary(GrayFailureResult r) {
        return String.format(Locale.ROOT, "A-6 done in %s: failed %d (off) / %d (on); slow %s ejected %s with passive "
                        + "health, declared dead %s; frozen %s cost clients until %s (off) / %s (on) after the freeze.",
                Elapsed.said(r.elapsed()), r.off().failed(), r.on().failed(), r.on().slowed(),
                at(r.on().slowEjectedMs()), at(r.off().slowDeadMs()), r.off().frozen(), ms(r.off().frozenCostEndsMs()),
                ms(r.on().frozenCostEndsMs()));
    }

    @Override
    protected String fileStem(GrayFailureResult r) {
        return "a6-" + r.parameters().ring().hash().name() + "-n" + r.parameters().servers();
    }

    @Override
    protected Map<String, Double> figures(GrayFailureResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (GrayRun run : r.runs()) {
            String suffix = run.passiveHealth() ? "_on" : "_off";
            figures.put("failed" + suffix, (double) run.failed());
            figures.put("retried" + suffix, (double) run.retried());
            figures.put("ejections" + suffix, (double) run.ejections());
            figures.put("costly_slow" + suffix, (double) run.costlySlow());
            put(figures, "frozen_cost_ends_ms" + suffix, run.frozenCostEndsMs());
            put(figures, "slow_ejected_ms" + suffix, run.slowEjectedMs());
            put(figures, "slow_dead_ms" + suffix, run.slowDeadMs());
        }
        return figures;
    }

    private static void put(Map<String, Double> figures, String name, Double value) {
        if (value != null) {
            figures.put(name, value);
        }
    }

    @Override
    protected Set<String> figureNames(GrayFailureParameters parameters) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String suffix : List.of("_off", "_on")) {
            for (String name : List.of("failed", "retried", "ejections", "costly_slow", "frozen_cost_ends_ms",
                    "slow_ejected_ms", "slow_dead_ms")) {
                names.add(name + suffix);
            }
        }
        return names;
    }
}
