package dev.ringlab.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The raw figures of every experiment as CSV, one header row, numbers in a locale-free format. */
public final class CsvExport {

    private static final String[] SCALING = {"servers", "mean", "min", "max", "std_dev", "moved_slots", "moved_keys",
        "ideal_moved_keys"};

    private CsvExport() {
    }

    /** {@code server,requests}, a row per server in join order. */
    public static void distribution(DistributionResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "server", "requests")) {
            for (ServerLoad load : result.loads()) {
                csv.printRecord(load.server(), load.requests());
            }
        }
    }

    /** a row per N with the spread of the load and what growing to N moved. */
    public static void scaling(ScalingResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, SCALING)) {
            for (ScalingStep step : result.steps()) {
                csv.printRecord(scalingRow(step));
            }
        }
    }

    /** part: {@code hash,server,requests}. */
    public static void hashDistribution(HashComparisonResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "hash", "server", "requests")) {
            for (HashRun run : result.runs()) {
                for (ServerLoad load : run.distribution().loads()) {
                    csv.printRecord(run.hash(), load.server(), load.requests());
                }
            }
        }
    }

    /** part: the A-2 columns after a {@code hash} column. */
    public static void hashScaling(HashComparisonResult result, Path file) throws IOException {
        String[] header = new String[SCALING.length + 1];
        header[0] = "hash";
        System.arraycopy(SCALING, 0, header, 1, SCALING.length);
        try (CSVPrinter csv = printer(file, header)) {
            for (HashRun run : result.runs()) {
                for (ScalingStep step : run.scaling().steps()) {
                    List<Object> row = new ArrayList<>();
                    row.add(run.hash());
                    row.addAll(scalingRow(step));
                    csv.printRecord(row);
                }
            }
        }
    }

    /** a row per time bucket, from the start of the stream. */
    public static void failover(FailoverResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "start_ms", "end_ms", "sent", "ok", "failed", "retried")) {
            for (TimeBucket bucket : result.buckets()) {
                csv.printRecord(bucket.startMillis(), bucket.endMillis(), bucket.sent(), bucket.ok(), bucket.failed(),
                        bucket.retried());
            }
        }
    }

    /** every cluster event of the run, from the start of the stream. */
    public static void failoverEvents(FailoverResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "at_ms", "event", "server", "detail")) {
            for (TimelineEvent event : result.events()) {
                csv.printRecord(decimal(event.atMillis()), event.kind(), event.server(), event.detail());
            }
        }
    }

    /** a row per stretch of the stream, the busiest server over the mean under each algorithm. */
    public static void hotKeys(HotKeysResult result, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("requests"));
        result.runs().forEach(run -> header.add(run.algorithm()));
        try (CSVPrinter csv = printer(file, header.toArray(String[]::new))) {
            List<Integer> ends = result.runs().get(0).bucketEnds();
            for (int i = 0; i < ends.size(); i++) {
                List<Object> row = new ArrayList<>(List.of(ends.get(i)));
                for (HotKeysRun run : result.runs()) {
                    row.add(decimal(run.busiestOverMean().get(i)));
                }
                csv.printRecord(row);
            }
        }
    }

    /** a row per algorithm over the whole stream. */
    public static void hotKeysSummary(HotKeysResult result, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "algorithm", "busiest_over_mean", "worst_stretch_over_mean",
                "past_first_choice", "busiest_server", "busiest_requests")) {
            for (HotKeysRun run : result.runs()) {
                ServerLoad busiest = run.loads().stream().max(java.util.Comparator.comparingLong(ServerLoad::requests))
                        .orElseThrow();
                csv.printRecord(run.algorithm(), decimal(run.overallBusiestOverMean()),
                        decimal(run.peakBusiestOverMean()), run.pastFirstChoice(), busiest.server(), busiest.requests());
            }
        }
    }

    private static List<Object> scalingRow(ScalingStep step) {
        LoadSpread spread = step.spread();
        KeyMoves moves = step.moves();
        List<Object> row = new ArrayList<>(List.of(step.servers(), decimal(spread.mean()), spread.min(), spread.max(),
                decimal(spread.stdDev())));
        row.add(moves == null ? "" : moves.slots());
        row.add(moves == null ? "" : moves.keys());
        row.add(moves == null ? "" : decimal(moves.idealKeys()));
        return row;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }
}
