package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/** A-5 as an {@link Analysis}: Zipf-distributed keys under ring, Maglev, rendezvous and bounded loads. */
final class HotKeysAnalysis extends Analysis<HotKeysParameters, HotKeysResult> {

    HotKeysAnalysis() {
        super("a5", "A-5", "A-5: hot keys",
                "A few keys carry most of the traffic (Zipf). The same stream under ring, Maglev, rendezvous and "
                        + "bounded loads: the busiest server over the mean as the stream goes, and how many requests "
                        + "bounded loads sent past their first choice to stay under c times the mean. Placement "
                        + "only: the same on every backend.",
                Set.of(Input.REQUESTS, Input.SERVERS, Input.HOT_KEYS, Input.LOAD_FACTOR));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("a5 places keys with RingLab's own placements and needs no balancer; run it without --target");
    }

    @Override
    protected HotKeysParameters parameters(AnalysisInput input) {
        return new HotKeysParameters(input.ring(), input.servers(), input.workload(), input.zipfExponent(),
                input.keySpace(), input.loadFactor());
    }

    @Override
    protected Runner<HotKeysParameters, HotKeysResult> runner(TestbedFactory testbeds) {
        HotKeysExperiment experiment = new HotKeysExperiment();
        return Runner.of(experiment::run, experiment::cancel);
    }

    /** The Zipf stream's hottest keys, the same ids the run draws (same key space, exponent and seed). */
    @Override
    protected List<HotKey> hotKeys(HotKeysParameters parameters, int count) {
        ZipfKeys zipf = new ZipfKeys(parameters.keySpace(), parameters.exponent(), parameters.workload().seed());
        List<HotKey> hottest = new java.util.ArrayList<>();
        for (int rank = 1; rank <= Math.min(count, parameters.keySpace()); rank++) {
            hottest.add(new HotKey(zipf.id(rank), rank, zipf.share(rank)));
        }
        return hottest;
    }

    /** The placement runs far faster than a chart redraws: the live chart only says how far it is. */
    @Override
    protected JFreeChart liveChart(HotKeysParameters parameters, LiveView live) {
        JFreeChart chart = DistributionCharts.live(label(), parameters.workload(), live);
        chart.setTitle(ChartStyle.liveTitle(label(), parameters.workload(), live));
        return chart;
    }

    @Override
    protected List<JFreeChart> charts(HotKeysResult result) {
        return HotKeysCharts.both(result);
    }

    /** a5.csv (busiest/mean over the stream, a column per algorithm), a5-summary.csv, a5.png */
    @Override
    protected List<Path> write(HotKeysResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path overTime = folder.resolve("a5.csv");
        Path summary = folder.resolve("a5-summary.csv");
        Path png = folder.resolve("a5.png");
        CsvExport.hotKeys(result, overTime);
        CsvExport.hotKeysSummary(result, summary);
        ExperimentFiles.sideBySide(charts(result), png);
        return List.of(overTime, summary, png);
    }

    @Override
    protected List<Path> exportCsv(HotKeysResult result, Path file) throws IOException {
        Path summary = ExperimentFiles.sibling(file, "-summary");
        CsvExport.hotKeys(result, file);
        CsvExport.hotKeysSummary(result, summary);
        return List.of(file, summary);
    }

    @Override
    protected void printTable(HotKeysResult result, PrintWriter out) {
        HotKeysParameters p = result.parameters();
        out.printf(Locale.ROOT, "A-5: %,d requests over %d servers, %,d keys, Zipf s %.2f, seed %d, %d in flight"
                        + " (placement simulation), %d ms%n", p.workload().requests(), p.servers(), p.keySpace(),
                p.exponent(), p.workload().seed(), p.inFlight(), result.elapsed().toMillis());
        out.printf(Locale.ROOT, "hottest key %.1f %% of requests, ten hottest %.1f %%%n",
                100 * result.hottestShares().get(0),
                100 * result.hottestShares().stream().mapToDouble(Double::doubleValue).sum());
        out.printf(Locale.ROOT, "  %-11s %14s %15s %18s%n", "algorithm", "busiest/mean", "worst stretch",
                "past 1st choice");
        for (HotKeysRun run : result.runs()) {
            out.printf(Locale.ROOT, "  %-11s %14.2f %15.2f %,18d%n", run.algorithm(), run.overallBusiestOverMean(),
                    run.peakBusiestOverMean(), run.pastFirstChoice());
        }
        out.printf(Locale.ROOT, "bounded loads' cap: c = %.2f x mean%n", result.cap());
    }

    @Override
    protected String summary(HotKeysResult r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "A-5 done in %s: busiest/mean",
                Elapsed.said(r.elapsed())));
        r.runs().forEach(run -> line.append(String.format(Locale.ROOT, " %s %.2f", run.algorithm(),
                run.overallBusiestOverMean())));
        HotKeysRun bounded = r.runs().get(r.runs().size() - 1);
        return line.append(String.format(Locale.ROOT, "; bounded sent %d past their first choice.",
                bounded.pastFirstChoice())).toString();
    }

    @Override
    protected String fileStem(HotKeysResult r) {
        return String.format(Locale.ROOT, "a5-s%.2f-n%d", r.parameters().exponent(), r.parameters().servers());
    }

    /** Per algorithm ({@code bounded.busiest_over_mean}, {@code ring.peak_busiest_over_mean}) and the hottest key's share. */
    @Override
    protected java.util.Map<String, Double> figures(HotKeysResult r) {
        java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();
        for (HotKeysRun run : r.runs()) {
            figures.put(run.algorithm() + ".busiest_over_mean", run.overallBusiestOverMean());
            figures.put(run.algorithm() + ".peak_busiest_over_mean", run.peakBusiestOverMean());
        }
        if (!r.hottestShares().isEmpty()) {
            figures.put("hottest_share", r.hottestShares().get(0));
        }
        return figures;
    }

    @Override
    protected java.util.Set<String> figureNames(HotKeysParameters parameters) {
        java.util.Set<String> names = new java.util.HashSet<>(java.util.Set.of("hottest_share"));
        for (dev.ringlab.ring.algorithm.Algorithm algorithm : HotKeysParameters.ALGORITHMS) {
            names.add(algorithm.label() + ".busiest_over_mean");
            names.add(algorithm.label() + ".peak_busiest_over_mean");
        }
        return names;
    }
}
