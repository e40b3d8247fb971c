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

/** A-1 as an {@link Analysis}: requests per server over N servers. */
final class DistributionAnalysis extends Analysis<DistributionParameters, DistributionResult> {

    DistributionAnalysis() {
        super("a1", "A-1", "A-1: load over N servers",
                "Sends the requests to N servers and counts how many each answered: with the assignment hash one "
                        + "server takes most of them, because its virtual nodes sit side by side.",
                Set.of(Input.REQUESTS, Input.CONCURRENCY, Input.SERVERS));
    }

    @Override
    protected DistributionParameters parameters(AnalysisInput input) {
        return new DistributionParameters(input.ring(), input.servers(), input.workload());
    }

    @Override
    protected Runner<DistributionParameters, DistributionResult> runner(TestbedFactory testbeds) {
        DistributionExperiment experiment = new DistributionExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    @Override
    protected JFreeChart liveChart(DistributionParameters parameters, LiveView live) {
        return DistributionCharts.live(label(), parameters.workload(), live);
    }

    @Override
    protected List<JFreeChart> charts(DistributionResult result) {
        return List.of(DistributionCharts.chart(result));
    }

    /** a1.csv, a1.png */
    @Override
    protected List<Path> write(DistributionResult result, Path folder) throws IOException {
        return ExperimentFiles.csvAndChart(folder, code(), file -> CsvExport.distribution(result, file),
                DistributionCharts.chart(result));
    }

    @Override
    protected List<Path> exportCsv(DistributionResult result, Path file) throws IOException {
        CsvExport.distribution(result, file);
        return List.of(file);
    }

    @Override
    protected void printTable(DistributionResult result, PrintWriter out) {
        ResultTable.print(result, out);
    }

    @Override
    protected String summary(DistributionResult r) {
        return String.format(Locale.ROOT, "A-1 done in %s: %d answered, %d failed, busiest server %d, quietest %d.",
                Elapsed.said(r.elapsed()), r.answered(), r.failed(), r.spread().max(), r.spread().min());
    }

    @Override
    protected String fileStem(DistributionResult r) {
        return "a1-" + r.hash() + "-n" + r.parameters().servers();
    }

    @Override
    protected Map<String, Double> figures(DistributionResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("ok", (double) r.answered());
        figures.put("failed", (double) r.failed());
        figures.put("retried", (double) r.retried());
        figures.putAll(LoadSpread.figures("", r.loads()));
        return figures;
    }

    @Override
    protected Set<String> figureNames(DistributionParameters parameters) {
        Set<String> names = new java.util.HashSet<>(Set.of("ok", "failed", "retried"));
        names.addAll(LoadSpread.figureNames(""));
        return names;
    }
}
