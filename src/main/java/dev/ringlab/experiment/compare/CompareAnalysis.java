package dev.ringlab.experiment.compare;

import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.LiveView;
import dev.ringlab.experiment.Progress;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jfree.chart.JFreeChart;

/**
 * The algorithm comparison as an {@link Analysis}: every placement algorithm on one seeded key stream.
 * It computes placements only, so it needs no testbed. {@code experiment compare} has options of its
 * own and builds the settings itself; from an {@link AnalysisInput} it takes N, the requests as keys,
 * the seed, the ring's hash and c, with every algorithm and the default rings.
 */
public final class CompareAnalysis extends Analysis<CompareSettings, ComparisonResult> {

    public CompareAnalysis() {
        super("compare", "Compare", "Compare placement algorithms",
                "Every placement algorithm on the same keys: load spread, keys moved when a server joins or leaves "
                        + "against the ideal, lookup time and memory.",
                Set.of(Input.REQUESTS, Input.SERVERS, Input.LOAD_FACTOR));
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("compare computes placements in this process; run it without --target");
    }

    @Override
    protected CompareSettings parameters(AnalysisInput input) {
        CompareSettings defaults = CompareSettings.defaults();
        Workload workload = input.workload();
        return new CompareSettings(List.of(Algorithm.values()), input.servers(), workload.requests(),
                defaults.virtualNodes(), defaults.slots(), input.ring().hash(), defaults.maglevTableSize(),
                input.loadFactor(), workload.seed());
    }

    /** Each contender reports as a stage when it is done; cancelling stops before the next one. */
    @Override
    protected Runner<CompareSettings, ComparisonResult> runner(TestbedFactory testbeds) {
        AtomicBoolean cancelled = new AtomicBoolean();
        return Runner.of((settings, progress) -> run(settings, progress, cancelled), () -> cancelled.set(true));
    }

    private static ComparisonResult run(CompareSettings settings, ProgressListener progress, AtomicBoolean cancelled) {
        long started = System.nanoTime();
        Comparison comparison = new Comparison(settings);
        int total = comparison.contenders().size();
        List<ContenderResult> done = new ArrayList<>();
        List<ContenderResult> results = comparison.run(result -> {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("comparison cancelled");
            }
            done.add(result);
            progress.progress(new Progress(line(result), done.size(), total, 0, 0,
                    Duration.ofNanos(System.nanoTime() - started), List.of()));
        });
        return new ComparisonResult(settings, results);
    }

    /** "ring(V=9)  peak/mean 1.581  std dev  27.3 %  moved on add  6.98 %  on remove 10.00 %" */
    static String line(ContenderResult result) {
        return String.format(Locale.ROOT,
                "%-24s peak/mean %.3f  std dev %5.1f %%  moved on add %5.2f %%  on remove %5.2f %%",
                result.label(), result.peakToMean(), 100 * result.stdDevShare(), 100 * result.movedOnAdd(),
                100 * result.movedOnRemoveMean());
    }

    /** A comparison takes seconds and has no per-request figures: the live chart says how far it is. */
    @Override
    protected JFreeChart liveChart(CompareSettings settings, LiveView live) {
        JFreeChart chart = CompareCharts.loadSpread(List.of(), settings);
        Progress progress = live.progress();
        chart.setTitle(label() + " running: " + (progress == null ? "starting"
                : progress.done() + " of " + progress.total() + " algorithms measured"));
        chart.getTitle().setFont(dev.ringlab.experiment.ChartStyle.TITLE);
        return chart;
    }

    @Override
    protected List<JFreeChart> charts(ComparisonResult result) {
        return List.of(CompareCharts.loadSpread(result.contenders(), result.settings()),
                CompareCharts.keysMoved(result.contenders(), result.settings()));
    }

    /** compare.csv, compare.md, compare-load-spread.png, compare-keys-moved.png */
    @Override
    protected List<Path> write(ComparisonResult result, Path folder) throws IOException {
        return new CompareReport(result.contenders(), result.settings()).writeTo(folder);
    }

    /** The CSV into the chosen file, the Markdown table next to it. */
    @Override
    protected List<Path> exportCsv(ComparisonResult result, Path file) throws IOException {
        CompareReport report = new CompareReport(result.contenders(), result.settings());
        String name = file.getFileName().toString();
        Path markdown = file.resolveSibling((name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + ".md");
        Files.writeString(file, report.csv(), StandardCharsets.UTF_8);
        Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
        return List.of(file, markdown);
    }

    @Override
    protected void printTable(ComparisonResult result, PrintWriter out) {
        result.contenders().forEach(contender -> out.println(line(contender)));
    }

    @Override
    protected String summary(ComparisonResult result) {
        ContenderResult flattest = result.contenders().stream()
                .min(java.util.Comparator.comparingDouble(ContenderResult::peakToMean)).orElseThrow();
        return String.format(Locale.ROOT, "Compare done: %d contenders; flattest %s (peak/mean %.3f).",
                result.contenders().size(), flattest.label(), flattest.peakToMean());
    }

    @Override
    protected String fileStem(ComparisonResult result) {
        return "compare-n" + result.settings().servers();
    }
}
