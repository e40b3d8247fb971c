package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/** Flapping as an {@link Analysis}: a server down and up every few seconds, without and with fall/rise. */
final class FlappingAnalysis extends Analysis<FlappingParameters, FlappingResult> {

    FlappingAnalysis() {
        super("flap", "Flapping", "Flapping: hysteresis (fall/rise)",
                "Freezes the busiest server for a moment every few seconds during a paced stream, twice: without "
                        + "hysteresis (one missed heartbeat takes it off the ring) and with HAProxy's fall/rise. "
                        + "Counts ring changes, servers declared dead and replaced, and the keys every change moved.",
                Set.of(Input.SERVERS, Input.FLAPPING));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("flap sets the heartbeats' fall and rise and freezes a server, which a balancer reached"
                + " with --target keeps to itself; run flap with --backend sim, process or docker");
    }

    @Override
    protected FlappingParameters parameters(AnalysisInput input) {
        return FlappingParameters.of(input);
    }

    @Override
    protected Runner<FlappingParameters, FlappingResult> runner(TestbedFactory testbeds) {
        FlappingExperiment experiment = new FlappingExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    /** The run so far: its latency, retries and failures, from the window's counts. */
    @Override
    protected JFreeChart liveChart(FlappingParameters parameters, LiveView live) {
        return GrayFailureCharts.live(label(), parameters.ring(), parameters.servers(),
                new Workload(parameters.requests(), parameters.workload().seed(), 1),
                parameters.tryTimeout().toMillis(), parameters.bucket().toMillis(), live);
    }

    @Override
    protected List<JFreeChart> charts(FlappingResult result) {
        return FlappingCharts.charts(result);
    }

    /** flap.csv (a row per run), flap-events.csv, flap.png (the two runs side by side) */
    @Override
    protected List<Path> write(FlappingResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("flap.csv");
        Path events = folder.resolve("flap-events.csv");
        Path png = folder.resolve("flap.png");
        FlappingCharts.summary(result, csv);
        FlappingCharts.events(result, events);
        ExperimentFiles.sideBySide(charts(result), png);
        return List.of(csv, events, png);
    }

    @Override
    protected List<Path> exportCsv(FlappingResult result, Path file) throws IOException {
        Path events = ExperimentFiles.sibling(file, "-events");
        FlappingCharts.summary(result, file);
        FlappingCharts.events(result, events);
        return List.of(file, events);
    }

    @Override
    protected void printTable(FlappingResult result, PrintWriter out) {
        FlappingParameters p = result.parameters();
        out.printf(Locale.ROOT, "Flapping on %s: %d/s for %.0f s, a server frozen %d ms every %.1f s%n", result.testbed(),
                p.rate(), p.duration().toMillis() / 1000.0, p.down().toMillis(), p.every().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "%-32s %6s %12s %11s %6s %9s %7s %7s%n", "", "flaps", "ring changes", "keys moved",
                "dead", "replaced", "failed", "retried");
        for (FlapRun run : result.runs()) {
            out.printf(Locale.ROOT, "%-32s %6d %12d %11d %6d %9d %7d %7d%n", run.label(), run.flaps(), run.ringChanges(),
                    run.keysMoved(), run.deaths(), run.replacements(), run.failed(), run.retried());
        }
        out.flush();
    }

    @Override
    protected String summary(FlappingResult r) {
        return String.format(Locale.ROOT, "Flapping done in %s: %d ring changes, %,d keys moved without hysteresis;"
                        + " %d, %,d with fall %d, rise %d.", Elapsed.said(r.elapsed()), r.without().ringChanges(),
                r.without().keysMoved(), r.with().ringChanges(), r.with().keysMoved(), r.with().fall(), r.with().rise());
    }

    @Override
    protected String fileStem(FlappingResult r) {
        return "flap-" + r.parameters().ring().hash().name() + "-n" + r.parameters().servers();
    }

    @Override
    protected Map<String, Double> figures(FlappingResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (FlapRun run : r.runs()) {
            String suffix = run == r.without() ? "_without" : "_with";
            figures.put("ring_changes" + suffix, (double) run.ringChanges());
            figures.put("keys_moved" + suffix, (double) run.keysMoved());
            figures.put("failed" + suffix, (double) run.failed());
            figures.put("flaps" + suffix, (double) run.flaps());
        }
        return figures;
    }

    @Override
    protected Set<String> figureNames(FlappingParameters parameters) {
        Set<String> names = new LinkedHashSet<>();
        for (String suffix : List.of("_without", "_with")) {
            for (String name : List.of("ring_changes", "keys_moved", "failed", "flaps")) {
                names.add(name + suffix);
            }
        }
        return names;
    }
}
