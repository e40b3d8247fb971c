package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/** A-4 as an {@link Analysis}: again under each hash function, side by side. */
final class HashComparisonAnalysis extends Analysis<HashComparisonParameters, HashComparisonResult> {

    HashComparisonAnalysis() {
        super("a4", "A-4", "A-4: the other hash",
                "A-1 and A-2 again under each hash function on the same keys and the same server names, side by side.",
                Set.of(Input.REQUESTS, Input.CONCURRENCY, Input.SERVERS, Input.SERVER_RANGE));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("a4 compares hash functions on rings it builds itself; run it with --backend process (or sim)");
    }

    @Override
    protected HashComparisonParameters parameters(AnalysisInput input) {
        return new HashComparisonParameters(input.ring(), input.servers(), input.minServers(), input.maxServers(),
                input.workload());
    }

    @Override
    protected Runner<HashComparisonParameters, HashComparisonResult> runner(TestbedFactory testbeds) {
        HashComparisonExperiment experiment = new HashComparisonExperiment(testbeds);
        return Runner.of(experiment::run, experiment::cancel);
    }

    @Override
    protected JFreeChart liveChart(HashComparisonParameters parameters, LiveView live) {
        return DistributionCharts.live(label(), parameters.workload(), live);
    }

    @Override
    protected List<JFreeChart> charts(HashComparisonResult result) {
        return List.of(HashComparisonCharts.distribution(result), HashComparisonCharts.scaling(result));
    }

    /** a4-distribution.csv, a4-scaling.csv, a4.png (the two charts side by side) */
    @Override
    protected List<Path> write(HashComparisonResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path distribution = folder.resolve("a4-distribution.csv");
        Path scaling = folder.resolve("a4-scaling.csv");
        Path png = folder.resolve("a4.png");
        CsvExport.hashDistribution(result, distribution);
        CsvExport.hashScaling(result, scaling);
        ExperimentFiles.sideBySide(charts(result), png);
        return List.of(distribution, scaling, png);
    }

    /** The A-1 half into the chosen file, the A-2 half next to it ({@code -scaling}). */
    @Override
    protected List<Path> exportCsv(HashComparisonResult result, Path file) throws IOException {
        Path scaling = ExperimentFiles.sibling(file, "-scaling");
        CsvExport.hashDistribution(result, file);
        CsvExport.hashScaling(result, scaling);
        return List.of(file, scaling);
    }

    @Override
    protected void printTable(HashComparisonResult result, PrintWriter out) {
        ResultTable.print(result, out);
    }

    @Override
    protected String summary(HashComparisonResult r) {
        return "A-4 done: " + r.runs().size() + " hash functions compared.";
    }

    @Override
    protected String fileStem(HashComparisonResult r) {
        return "a4-n" + r.parameters().servers();
    }

    /** A-1's spread under each hash, named after it: {@code murmur3.busiest_over_mean}, ... */
    @Override
    protected Map<String, Double> figures(HashComparisonResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        r.runs().forEach(run -> figures.putAll(LoadSpread.figures(run.hash() + ".", run.distribution().loads())));
        return figures;
    }

    @Override
    protected Set<String> figureNames(HashComparisonParameters parameters) {
        Set<String> names = new java.util.HashSet<>();
        parameters.hashes().forEach(hash -> names.addAll(LoadSpread.figureNames(hash.name() + ".")));
        return names;
    }
}
