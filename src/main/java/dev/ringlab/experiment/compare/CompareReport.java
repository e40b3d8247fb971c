package dev.ringlab.experiment.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.ringlab.experiment.ExperimentFiles;

/** Writes a comparison as compare.csv, compare.md and two PNG charts. */
public final class CompareReport {

    public static final String CSV = "compare.csv";
    public static final String MARKDOWN = "compare.md";
    public static final String LOAD_SPREAD_PNG = "compare-load-spread.png";
    public static final String KEYS_MOVED_PNG = "compare-keys-moved.png";

    private static final String HEADER = "label,algorithm,servers,keys,peak_to_mean,min_to_mean,std_dev_keys,"
            + "std_dev_share,moved_on_add,ideal_on_add,moved_on_remove_mean,moved_on_remove_max,"
            + "needless_on_remove_mean,ideal_on_remove,ns_per_lookup,memory_bytes";

    private final List<ContenderResult> results;
    /** What the comparison was made from, for the charts' caption; null when unknown. */
    private final CompareSettings settings;

    public CompareReport(List<ContenderResult> results) {
        this(results, null);
    }

    public CompareReport(List<ContenderResult> results, CompareSettings settings) {
        this.results = List.copyOf(results);
        this.settings = settings;
    }

    /** Writes the four files into {@code directory}, creating it if needed, and returns their paths. */
    public List<Path> writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path csv = directory.resolve(CSV);
        Path markdown = directory.resolve(MARKDOWN);
        Path spread = directory.resolve(LOAD_SPREAD_PNG);
        Path moved = directory.resolve(KEYS_MOVED_PNG);
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        writeChartsTo(directory);
        return List.of(csv, markdown, spread, moved);
    }

    /**
     * The two charts alone, as the window's Compare tab exports them: laid out at 1100 x 650 points (the
     * fonts are sized for a slide at that size) and drawn at 2x like every other PNG, so 2200 x 1300 pixels,
     * with title, legend and the caption of what the comparison was made from.
     */
    public List<Path> writeChartsTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path spread = directory.resolve(LOAD_SPREAD_PNG);
        Path moved = directory.resolve(KEYS_MOVED_PNG);
        ExperimentFiles.png(CompareCharts.loadSpread(results, settings), spread, 1100, 650);
        ExperimentFiles.png(CompareCharts.keysMoved(results, settings), moved, 1100, 650);
        return List.of(spread, moved);
    }

    public String csv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ContenderResult r : results) {
            out.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.4f,%.1f,%.4f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.1f,%d%n",
                    r.label(), r.algorithm().label(), r.servers(), r.keys(), r.peakToMean(), r.minToMean(),
                    r.stdDevKeys(), r.stdDevShare(), r.movedOnAdd(), r.idealOnAdd(), r.movedOnRemoveMean(),
                    r.movedOnRemoveMax(), r.needlessOnRemoveMean(), r.idealOnRemove(), r.nsPerLookup(), r.memoryBytes()));
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        if (!results.isEmpty()) {
            ContenderResult first = results.get(0);
            out.append(String.format(Locale.ROOT, "%d servers, %,d keys. Ideal share moved: %.2f %% on add (1/(N+1)), "
                    + "%.2f %% on remove (1/N).%n%n", first.servers(), first.keys(), 100 * first.idealOnAdd(),
                    100 * first.idealOnRemove()));
        }
        out.append("| algorithm | peak/mean | min/mean | std dev | moved on add | moved on remove (mean / max) "
                + "| moved needlessly on remove | lookup (ns, rough) | memory |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.1f %% | %.2f %% | %.2f %% / %.2f %% | %.2f %% | %.0f | %s |%n",
                    r.label(), r.peakToMean(), r.minToMean(), 100 * r.stdDevShare(), 100 * r.movedOnAdd(),
                    100 * r.movedOnRemoveMean(), 100 * r.movedOnRemoveMax(), 100 * r.needlessOnRemoveMean(),
                    r.nsPerLookup(), bytes(r.memoryBytes())));
        }
        out.append("\nstd dev is of keys per server, as a share of the mean. \"Moved needlessly\" counts keys that left a "
                + "server which stayed. Lookup times are a rough in-process timing; see the JMH benchmark "
                + "(PlacementLookupBench) for real figures. Memory is an estimate of the lookup structures.\n");
        return out.toString();
    }

    private static String bytes(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
