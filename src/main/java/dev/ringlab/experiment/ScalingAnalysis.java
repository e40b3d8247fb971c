package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/** A-2 as an {@link Analysis}: the spread of the load for every N of a range. */
final class ScalingAnalysis extends Analysis<ScalingParameters, ScalingResult> {

    ScalingAnalysis() {
        super("a2", "A-2", "A-2: load against N",
                "Grows the ring from the first N to the last, one server at a time, and sends the same requests at "
                        + "each N: the mean load per server and its spread.",
                Set.of(Input.REQUESTS, Input.CONCURRENCY, Input.SERVER_RANGE));
    }

    @Override
    protected ScalingParameters parameters(AnalysisInput input) {
        return new ScalingParameters(input.ring(), input.minServers(), input.maxServers(), input.workload());
    }

    @Override
    protected Runner<ScalingParameters, ScalingResult> runner(TestbedFactory testbeds) {
        ScalingExperiment experiment = new ScalingExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    @Override
    protected JFreeChart liveChart(ScalingParameters parameters, LiveView live) {
        return DistributionCharts.live(label(), parameters.workload(), live);
    }

    @Override
    protected List<JFreeChart> charts(ScalingResult result) {
        return List.of(ScalingCharts.chart(result));
    }

    /** a2.csv, a2.png */
    @Override
    protected List<Path> write(ScalingResult result, Path folder) throws IOException {
        return ExperimentFiles.csvAndChart(folder, code(), file -> CsvExport.scaling(result, file),
                ScalingCharts.chart(result));
    }

    @Override
    protected List<Path> exportCsv(ScalingResult result, Path file) throws IOException {
        CsvExport.scaling(result, file);
        return List.of(file);
    }

    @Override
    protected void printTable(ScalingResult result, PrintWriter out) {
        ResultTable.print(result, out);
    }

    @Override
    protected String summary(ScalingResult r) {
        return String.format(Locale.ROOT, "A-2 done in %s: N = %d..%d.", Elapsed.said(r.elapsed()),
                r.parameters().minServers(), r.parameters().maxServers());
    }

    @Override
    protected String fileStem(ScalingResult r) {
        return "a2-" + r.hash() + "-n" + r.parameters().minServers() + "-" + r.parameters().maxServers();
    }

    /** {@code failed} over every N, {@code busiest_over_mean} at the largest N, the worst keys moved over ideal. */
    @Override
    protected Map<String, Double> figures(ScalingResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        ScalingStep last = r.steps().get(r.steps().size() - 1);
        figures.put("failed", (double) r.steps().stream().mapToLong(ScalingStep::failed).sum());
        figures.put("busiest_over_mean", last.spread().busiestOverMean());
        figures.put("max_moved_over_ideal", r.steps().stream().filter(step -> step.moves() != null)
                .mapToDouble(step -> step.moves().keys() / Math.max(1, step.moves().idealKeys())).max().orElse(0));
        return figures;
    }

    @Override
    protected Set<String> figureNames(ScalingParameters parameters) {
        return Set.of("failed", "busiest_over_mean", "max_moved_over_ideal");
    }
}
