package dev.ringlab.scenario;

import dev.ringlab.experiment.DistributionExperiment;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.FailoverExperiment;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.FailoverResult;
import dev.ringlab.experiment.HashComparisonExperiment;
import dev.ringlab.experiment.HashComparisonParameters;
import dev.ringlab.experiment.HashComparisonResult;
import dev.ringlab.experiment.HashRun;
import dev.ringlab.experiment.LoadSpread;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.ScalingExperiment;
import dev.ringlab.experiment.ScalingParameters;
import dev.ringlab.experiment.ScalingResult;
import dev.ringlab.experiment.ScalingStep;
import dev.ringlab.experiment.ServerLoad;
import dev.ringlab.experiment.TimelineEvent;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A-1..A-4 as scenario steps, over the experiment runners the {@code experiment} command uses, so a
 * lesson gets the same figures as {@code ringlab experiment a1 --seed 42}.
 * TODO(analyses registry): once one type per analysis lands, each of these becomes a lookup there.
 */
final class ClassicAnalyses {

    private static final Set<String> COMMON = Set.of("requests", "seed", "concurrency", "hash", "slots", "vnodes", "probing");

    private ClassicAnalyses() {
    }

    /** By the names a step uses: a1, a2, a3, a4. */
    static Map<String, LessonAnalysis> all() {
        Map<String, LessonAnalysis> all = new LinkedHashMap<>();
        for (LessonAnalysis analysis : List.of(distribution(), scaling(), failover(), hashComparison())) {
            all.put(analysis.name(), analysis);
        }
        return all;
    }

    /** The parameters every analysis shares, read and checked once. */
    private record Common(RingConfig ring, int requests, Long seed, int concurrency) {

        Workload workload(long fallbackSeed) {
            return new Workload(requests, seed != null ? seed : fallbackSeed, concurrency);
        }

        static Common read(Fields fields, RingConfig ring, int requestCap) {
            RingConfig shaped;
            try {
                shaped = new RingConfig(fields.integer("slots", ring.slots(), 1, RingConfig.MAX_SLOTS),
                        fields.integer("vnodes", ring.virtualNodesPerServer(), 1, RingConfig.MAX_SLOTS),
                        fields.has("hash") ? RingHash.byName(fields.text("hash", null)) : ring.hash(),
                        fields.has("probing") ? Probing.byName(fields.text("probing", null)) : ring.probing());
            } catch (IllegalArgumentException invalid) {
                throw fields.where().error(fields.line(), invalid.getMessage());
            }
            int requests = fields.integer("requests", Workload.DEFAULT_REQUESTS, 1, Workload.MAX_REQUESTS);
            return new Common(shaped, requestCap > 0 ? Math.min(requests, requestCap) : requests,
                    fields.optionalLong("seed"), fields.integer("concurrency", 1, 1, Workload.MAX_CONCURRENCY));
        }
    }

    /** An analysis's own reading of its parameters into a plan. */
    private interface Planner {
        AnalysisPlan plan(Fields fields, Common common);
    }

    private static LessonAnalysis analysis(String name, Set<String> own, Planner planner) {
        Set<String> known = new HashSet<>(COMMON);
        known.addAll(own);
        return new LessonAnalysis() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AnalysisPlan plan(Fields.Where where, YamlNode parameters, RingConfig ring, int requestCap) {
                YamlNode given = parameters != null ? parameters
                        : new YamlNode.Mapping(0, Map.of(), Map.of());
                Fields fields = Fields.of(where, given, "the parameters of " + name).allow(known);
                Common common = Common.read(fields, ring, requestCap);
                try {
                    return planner.plan(fields, common);
                } catch (IllegalArgumentException invalid) {
                    throw where.error(given.line(), invalid.getMessage());
                }
            }
        };
    }

    private static LessonAnalysis distribution() {
        return analysis("a1", Set.of("servers"), (fields, common) -> {
            int servers = fields.integer("servers", DistributionParameters.DEFAULT_SERVERS, 1, Integer.MAX_VALUE);
            Function<Long, DistributionParameters> parameters = seed -> new DistributionParameters(common.ring(), servers,
                    common.workload(seed));
            parameters.apply(0L);
            return new Plan("A-1 load distribution: " + Figures.number(common.requests()) + " requests over " + servers
                    + " servers (" + common.ring().hash().name() + " hash, " + common.ring().virtualNodesPerServer()
                    + " virtual nodes)", LOADS, (seed, testbeds, folder, onCancel) -> {
                        DistributionExperiment runner = new DistributionExperiment(testbeds);
                        onCancel.accept(runner::cancel);
                        DistributionResult result = runner.run(parameters.apply(seed), ProgressListener.NONE);
                        Map<String, Double> metrics = loadMetrics(result.loads());
                        metrics.put("failed", (double) result.failed());
                        metrics.put("retried", (double) result.retried());
                        metrics.put("ok", (double) result.answered());
                        List<Path> files = ExperimentFiles.write(result, folder);
                        return new AnalysisOutcome(result.testbed(), metrics,
                                List.of(loadTable("Requests per server", result.loads())), pngs(files), files, List.of());
                    });
        });
    }

    private static LessonAnalysis scaling() {
        return analysis("a2", Set.of("min_servers", "max_servers"), (fields, common) -> {
            int min = fields.integer("min_servers", 2, 1, Integer.MAX_VALUE);
            int max = fields.integer("max_servers", 6, 1, Integer.MAX_VALUE);
            Function<Long, ScalingParameters> parameters = seed -> new ScalingParameters(common.ring(), min, max,
                    common.workload(seed));
            parameters.apply(0L);
            return new Plan("A-2 scalability: " + Figures.number(common.requests()) + " requests for N = " + min + ".."
                    + max + " (" + common.ring().hash().name() + " hash)",
                    Set.of("failed", "busiest_over_mean", "max_moved_over_ideal"), (seed, testbeds, folder, onCancel) -> {
                        ScalingExperiment runner = new ScalingExperiment(testbeds);
                        onCancel.accept(runner::cancel);
                        ScalingResult result = runner.run(parameters.apply(seed), ProgressListener.NONE);
                        List<Path> files = ExperimentFiles.write(result, folder);
                        return new AnalysisOutcome(result.testbed(), scalingMetrics(result), List.of(scalingTable(result)),
                                pngs(files), files, List.of());
                    });
        });
    }

    private static LessonAnalysis failover() {
        return analysis("a3", Set.of("servers", "rate", "kill_after", "victim"), (fields, common) -> {
            int servers = fields.integer("servers", FailoverParameters.DEFAULT_SERVERS, 1, Integer.MAX_VALUE);
            int rate = fields.integer("rate", FailoverParameters.DEFAULT_RATE, 1, FailoverParameters.MAX_RATE);
            Duration killAfter = fields.duration("kill_after", FailoverParameters.DEFAULT_KILL_AFTER, Duration.ZERO,
                    Duration.ofHours(1));
            String victim = fields.text("victim", null);
            Function<Long, FailoverParameters> parameters = seed -> new FailoverParameters(common.ring(), servers,
                    common.workload(seed), rate, killAfter, victim, FailoverParameters.DEFAULT_BUCKET,
                    FailoverParameters.DEFAULT_SETTLE);
            parameters.apply(0L);
            return new Plan("A-3 failure and recovery: " + Figures.number(common.requests()) + " requests at "
                    + Figures.number(rate) + "/s over " + servers + " servers, " + (victim == null ? "the second server"
                    : victim) + " killed after " + Durations.text(killAfter),
                    Set.of("sent", "ok", "failed", "retried", "detected_ms", "replaced_ms"),
                    (seed, testbeds, folder, onCancel) -> {
                        FailoverExperiment runner = new FailoverExperiment(testbeds);
                        onCancel.accept(runner::cancel);
                        FailoverResult result = runner.run(parameters.apply(seed), ProgressListener.NONE);
                        Map<String, Double> metrics = new LinkedHashMap<>();
                        metrics.put("sent", (double) result.sent());
                        metrics.put("ok", (double) result.ok());
                        metrics.put("failed", (double) result.failed());
                        metrics.put("retried", (double) result.retried());
                        putIfKnown(metrics, "detected_ms", result.detectionMillis());
                        putIfKnown(metrics, "replaced_ms", result.recoveryMillis());
                        List<Path> files = ExperimentFiles.write(result, folder);
                        return new AnalysisOutcome(result.testbed(), metrics, List.of(failoverTable(result)), pngs(files),
                                files, List.of("A-3 paces its requests by the clock and kills on a timer: when the kill, "
                                        + "the detection and the replacement happen, and so how many requests were retried, "
                                        + "vary from run to run (heartbeat phase, machine load). Requests sent before the kill "
                                        + "are routed the same every time."));
                    });
        });
    }

    private static LessonAnalysis hashComparison() {
        return analysis("a4", Set.of("servers", "min_servers", "max_servers"), (fields, common) -> {
            int servers = fields.integer("servers", DistributionParameters.DEFAULT_SERVERS, 1, Integer.MAX_VALUE);
            int min = fields.integer("min_servers", 2, 1, Integer.MAX_VALUE);
            int max = fields.integer("max_servers", 6, 1, Integer.MAX_VALUE);
            Function<Long, HashComparisonParameters> parameters = seed -> new HashComparisonParameters(common.ring(),
                    servers, min, max, common.workload(seed));
            Set<String> metrics = new HashSet<>();
            for (RingHash hash : parameters.apply(0L).hashes()) {
                metrics.add(hash.name() + ".busiest_over_mean");
                metrics.add(hash.name() + ".busiest_share");
            }
            return new Plan("A-4 the modified hash: A-1 (N = " + servers + ") and A-2 (N = " + min + ".." + max
                    + ") under " + parameters.apply(0L).hashes().stream().map(RingHash::name)
                    .collect(Collectors.joining(" and ")), metrics, (seed, testbeds, folder, onCancel) -> {
                        HashComparisonExperiment runner = new HashComparisonExperiment(testbeds);
                        onCancel.accept(runner::cancel);
                        HashComparisonResult result = runner.run(parameters.apply(seed), ProgressListener.NONE);
                        Map<String, Double> figures = new LinkedHashMap<>();
                        List<Table> tables = new ArrayList<>();
                        for (HashRun run : result.runs()) {
                            loadMetrics(run.distribution().loads()).forEach((name, value) -> {
                                if (name.equals("busiest_over_mean") || name.equals("busiest_share")) {
                                    figures.put(run.hash() + "." + name, value);
                                }
                            });
                            tables.add(loadTable("A-1 under " + run.hash(), run.distribution().loads()));
                            tables.add(scalingTable(run.scaling()));
                        }
                        List<Path> files = ExperimentFiles.write(result, folder);
                        return new AnalysisOutcome(result.runs().get(0).distribution().testbed(), figures, tables,
                                pngs(files), files, List.of());
                    });
        });
    }

    static final Set<String> LOADS = Set.of("ok", "failed", "retried", "busiest_over_mean", "busiest_share", "min", "max");

    /** The spread of requests over servers: what "is it balanced?" asks. */
    static Map<String, Double> loadMetrics(List<ServerLoad> loads) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        LoadSpread spread = LoadSpread.of(loads);
        long total = loads.stream().mapToLong(ServerLoad::requests).sum();
        metrics.put("busiest_over_mean", spread.mean() == 0 ? 0 : spread.max() / spread.mean());
        metrics.put("busiest_share", total == 0 ? 0 : (double) spread.max() / total);
        metrics.put("min", (double) spread.min());
        metrics.put("max", (double) spread.max());
        return metrics;
    }

    static Table loadTable(String title, List<ServerLoad> loads) {
        long total = Math.max(1, loads.stream().mapToLong(ServerLoad::requests).sum());
        return new Table(title, List.of("server", "requests", "share"), loads.stream()
                .map(load -> List.of(load.server(), Figures.number(load.requests()),
                        String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * load.requests() / total)))
                .toList());
    }

    private static Map<String, Double> scalingMetrics(ScalingResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        ScalingStep last = result.steps().get(result.steps().size() - 1);
        metrics.put("failed", (double) result.steps().stream().mapToLong(ScalingStep::failed).sum());
        metrics.put("busiest_over_mean", last.spread().mean() == 0 ? 0 : last.spread().max() / last.spread().mean());
        metrics.put("max_moved_over_ideal", result.steps().stream().filter(step -> step.moves() != null)
                .mapToDouble(step -> step.moves().keys() / Math.max(1, step.moves().idealKeys())).max().orElse(0));
        return metrics;
    }

    private static Table scalingTable(ScalingResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (ScalingStep step : result.steps()) {
            rows.add(List.of(String.valueOf(step.servers()), Figures.number(Math.round(step.spread().mean())),
                    Figures.number(step.spread().min()), Figures.number(step.spread().max()),
                    Figures.number(Math.round(step.spread().stdDev())),
                    step.moves() == null ? "-" : Figures.number(step.moves().keys()) + " ("
                            + Figures.number(Math.round(step.moves().idealKeys())) + ")"));
        }
        return new Table("A-2 under " + result.hash(), List.of("N", "mean", "min", "max", "std dev", "keys moved (ideal)"), rows);
    }

    private static Table failoverTable(FailoverResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (TimelineEvent event : result.events()) {
            rows.add(List.of(Figures.number(Math.round(event.atMillis())) + " ms", event.kind(), event.server(),
                    event.detail()));
        }
        return new Table("Cluster events (from the first request)", List.of("at", "event", "server", "detail"), rows);
    }

    private static void putIfKnown(Map<String, Double> metrics, String name, Double value) {
        if (value != null) {
            metrics.put(name, value);
        }
    }

    private static List<Path> pngs(List<Path> files) {
        return files.stream().filter(file -> file.getFileName().toString().endsWith(".png")).toList();
    }

    /** How a plan runs, given the seed, the testbeds, its folder and the Ctrl-C hook. */
    private interface Runner {
        AnalysisOutcome run(long seed, dev.ringlab.experiment.TestbedFactory testbeds, Path folder,
                            java.util.function.Consumer<Runnable> onCancel) throws java.io.IOException;
    }

    private record Plan(String summary, Set<String> metrics, Runner runner) implements AnalysisPlan {
        Plan {
            metrics = Set.copyOf(metrics);
        }

        @Override
        public AnalysisOutcome run(long seed, dev.ringlab.experiment.TestbedFactory testbeds, Path folder,
                                   java.util.function.Consumer<Runnable> onCancel) throws java.io.IOException {
            return runner.run(seed, testbeds, folder, onCancel);
        }
    }
}
