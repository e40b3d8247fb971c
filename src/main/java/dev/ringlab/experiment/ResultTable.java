package dev.ringlab.experiment;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** The short tables the experiment command prints. */
final class ResultTable {

    private static final Set<String> MILESTONES = Set.of("killed", "detected", "starting", "up");

    private ResultTable() {
    }

    static void print(DistributionResult result, PrintWriter out) {
        Workload workload = result.parameters().workload();
        out.printf(Locale.ROOT, "A-1: %,d requests over %d servers, %s hash, seed %d (%s), %d ms%n",
                workload.requests(), result.parameters().servers(), result.hash(), workload.seed(), result.testbed(),
                result.elapsed().toMillis());
        distribution(result, out);
    }

    static void print(ScalingResult result, PrintWriter out) {
        Workload workload = result.parameters().workload();
        out.printf(Locale.ROOT, "A-2: %,d requests at each N, %s hash, seed %d (%s), %d ms%n", workload.requests(),
                result.hash(), workload.seed(), result.testbed(), result.elapsed().toMillis());
        scaling(result, out);
    }

    static void print(FailoverResult result, PrintWriter out) {
        Workload workload = result.parameters().workload();
        out.printf(Locale.ROOT, "A-3: %,d requests at %,d/s%s over %d servers, %s killed, seed %d (%s)%n",
                workload.requests(), result.parameters().rate(), result.keptRate() ? ""
                        : String.format(Locale.ROOT, " asked (%,.0f/s reached)", result.reachedRate()),
                result.parameters().servers(), result.victim(), workload.seed(), result.testbed());
        out.printf(Locale.ROOT, "%10s  %-9s %-10s %s%n", "at ms", "event", "server", "detail");
        for (TimelineEvent event : result.events()) {
            if (MILESTONES.contains(event.kind())) {
                out.printf(Locale.ROOT, "%10.1f  %-9s %-10s %s%n", event.atMillis(), event.kind(), event.server(),
                        event.detail());
            }
        }
        out.printf(Locale.ROOT, "detected after %s, replaced after %s; requests: %,d sent, %,d ok, %,d retried, %,d failed%n",
                millis(result.detectionMillis()), millis(result.recoveryMillis()), result.sent(), result.ok(),
                result.retried(), result.failed());
    }

    static void print(HashComparisonResult result, PrintWriter out) {
        Workload workload = result.parameters().workload();
        out.printf(Locale.ROOT, "A-4: A-1 and A-2 under %d hash functions, %,d requests, seed %d%n",
                result.runs().size(), workload.requests(), workload.seed());
        for (HashRun run : result.runs()) {
            out.printf(Locale.ROOT, "%n%s: A-1 over %d servers%n", run.hash(), run.distribution().parameters().servers());
            distribution(run.distribution(), out);
            out.printf(Locale.ROOT, "%s: A-2%n", run.hash());
            scaling(run.scaling(), out);
        }
    }

    private static void distribution(DistributionResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-12s %9s %7s%n", "server", "requests", "share");
        long total = result.answered() + result.failed();
        for (ServerLoad load : result.loads()) {
            out.printf(Locale.ROOT, "  %-12s %,9d %6.1f%%%n", load.server(), load.requests(),
                    100.0 * load.requests() / total);
        }
        if (result.failed() > 0) {
            out.printf(Locale.ROOT, "  %-12s %,9d %6.1f%%%n", "(failed)", result.failed(), 100.0 * result.failed() / total);
        }
    }

    private static void scaling(ScalingResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "  %3s %9s %7s %7s %8s %12s %12s%n", "N", "mean", "min", "max", "std dev",
                "moved slots", "moved keys");
        for (ScalingStep step : result.steps()) {
            LoadSpread spread = step.spread();
            KeyMoves moves = step.moves();
            out.printf(Locale.ROOT, "  %3d %,9.1f %,7d %,7d %8.1f %12s %12s%n", step.servers(), spread.mean(),
                    spread.min(), spread.max(), spread.stdDev(),
                    moves == null ? "-" : Integer.toString(moves.slots()),
                    moves == null ? "-" : String.format(Locale.ROOT, "%d (ideal %.0f)", moves.keys(), moves.idealKeys()));
        }
    }

    private static String millis(Double value) {
        return value == null ? "(did not happen)" : String.format(Locale.ROOT, "%.0f ms", value);
    }
}
