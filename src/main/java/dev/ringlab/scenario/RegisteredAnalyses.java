package dev.ringlab.scenario;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.FaultSettings;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.TestbedException;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every analysis of the {@link Analyses} registry as a scenario step, by its code (a1, a2, ...). A
 * step's parameters are read according to the inputs the analysis says it uses, so a new analysis
 * in the registry is a new step with no change here.
 */
final class RegisteredAnalyses {

    /** What every analysis takes: the workload and the ring's shape (default: the scenario's ring). */
    private static final Set<String> COMMON = Set.of("requests", "seed", "concurrency", "hash", "slots", "vnodes", "probing");

    private RegisteredAnalyses() {
    }

    static Map<String, LessonAnalysis> all() {
        Map<String, LessonAnalysis> all = new LinkedHashMap<>();
        for (Analysis<?, ?> analysis : Analyses.all()) {
            all.put(analysis.code(), new Step(analysis));
        }
        return all;
    }

    /** The keys a step may give for an input the analysis uses. */
    private static Set<String> keys(Analysis.Input input) {
        return switch (input) {
            // already in COMMON: a scenario's steps share one workload, whichever analysis reads it
            case REQUESTS, CONCURRENCY -> Set.of();
            case SERVERS -> Set.of("servers");
            case SERVER_RANGE -> Set.of("min_servers", "max_servers");
            case FAILURE -> Set.of("rate", "kill_after", "victim");
            case HOT_KEYS -> Set.of("zipf_exponent", "key_space");
            case LOAD_FACTOR -> Set.of("load_factor");
            case GRAY_FAILURE -> Set.of("pace", "duration", "slow_ms", "try_timeout", "eject_after", "eject_time");
            case FLAPPING -> Set.of("pace", "duration", "flap_down", "flap_every", "fall", "rise");
        };
    }

    private record Step(Analysis<?, ?> analysis) implements LessonAnalysis {

        @Override
        public String name() {
            return analysis.code();
        }

        @Override
        public AnalysisPlan plan(Fields.Where where, YamlNode parameters, RingConfig ring, int requestCap) {
            Set<String> known = new HashSet<>(COMMON);
            analysis.inputs().forEach(input -> known.addAll(keys(input)));
            YamlNode given = parameters != null ? parameters : new YamlNode.Mapping(0, Map.of(), Map.of());
            Fields fields = Fields.of(where, given, "the parameters of " + analysis.code()).allow(known);
            Long seed = fields.optionalLong("seed");
            AnalysisInput input = input(fields, ring, requestCap);
            Set<String> figures;
            try {
                // Builds (and so checks) the parameters now; the seed is the only thing still to come.
                figures = analysis.prepare(input, (shape, servers) -> {
                    throw new TestbedException("not started while checking");
                }).figureNames();
            } catch (IllegalArgumentException invalid) {
                throw where.error(given.line(), invalid.getMessage());
            }
            return new Plan(analysis, input, seed, figures);
        }

        private AnalysisInput input(Fields fields, RingConfig ring, int requestCap) {
            try {
                RingConfig shaped = new RingConfig(fields.integer("slots", ring.slots(), 1, RingConfig.MAX_SLOTS),
                        fields.integer("vnodes", ring.virtualNodesPerServer(), 1, RingConfig.MAX_SLOTS),
                        fields.has("hash") ? RingHash.byName(fields.text("hash", null)) : ring.hash(),
                        fields.has("probing") ? Probing.byName(fields.text("probing", null)) : ring.probing());
                int requests = fields.integer("requests", Workload.DEFAULT_REQUESTS, 1, Workload.MAX_REQUESTS);
                Workload workload = new Workload(requestCap > 0 ? Math.min(requests, requestCap) : requests, 0,
                        fields.integer("concurrency", 1, 1, Workload.MAX_CONCURRENCY));
                AnalysisInput defaults = AnalysisInput.defaults(shaped, workload);
                return defaults
                        .withServers(fields.integer("servers", defaults.servers(), 1, Integer.MAX_VALUE))
                        .withServerRange(fields.integer("min_servers", defaults.minServers(), 1, Integer.MAX_VALUE),
                                fields.integer("max_servers", defaults.maxServers(), 1, Integer.MAX_VALUE))
                        .withFailure(fields.integer("rate", defaults.rate(), 1, Integer.MAX_VALUE),
                                fields.duration("kill_after", defaults.killAfter(), Duration.ZERO, Duration.ofHours(1)),
                                fields.text("victim", null))
                        .withHotKeys(fields.decimal("zipf_exponent", defaults.zipfExponent()),
                                fields.integer("key_space", defaults.keySpace(), 1, Integer.MAX_VALUE),
                                fields.decimal("load_factor", defaults.loadFactor()))
                        .withFaults(faults(fields, defaults.faults()));
            } catch (IllegalArgumentException invalid) {
                throw fields.where().error(fields.line(), invalid.getMessage());
            }
        }
    }

    /** A-6's and flapping's settings; each analysis checks the values with its limits. */
    private static FaultSettings faults(Fields fields, FaultSettings d) {
        Duration longest = Duration.ofHours(1);
        return new FaultSettings(fields.integer("pace", d.rate(), 1, Integer.MAX_VALUE),
                fields.duration("duration", d.duration(), Duration.ZERO, longest),
                fields.integer("slow_ms", (int) d.slowMs(), 0, Integer.MAX_VALUE),
                fields.duration("try_timeout", d.tryTimeout(), Duration.ZERO, longest),
                fields.integer("eject_after", d.ejectAfter(), 0, Integer.MAX_VALUE),
                fields.duration("eject_time", d.ejectTime(), Duration.ZERO, longest),
                fields.duration("flap_down", d.flapDown(), Duration.ZERO, longest),
                fields.duration("flap_every", d.flapEvery(), Duration.ZERO, longest),
                fields.integer("fall", d.fall(), 0, Integer.MAX_VALUE),
                fields.integer("rise", d.rise(), 0, Integer.MAX_VALUE));
    }

    /**
     * The plan of a run someone made elsewhere (the window's Experiments tab), to save as a step:
     * {@code input}'s workload seed becomes the step's seed. Checked as a file's step would be.
     *
     * @throws IllegalArgumentException for an unknown code or parameters the analysis refuses
     */
    static AnalysisPlan planOf(String code, AnalysisInput input) {
        Analysis<?, ?> analysis = Analyses.all().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown analysis '" + code + "'"));
        // As a file would give it: the seed on the step, and only the inputs the analysis uses
        AnalysisInput given = AnalysisInput.defaults(input.ring(), new Workload(input.workload().requests(), 0,
                input.workload().concurrency()));
        boolean hot = analysis.uses(Analysis.Input.HOT_KEYS);
        given = given.withServers(analysis.uses(Analysis.Input.SERVERS) ? input.servers() : given.servers())
                .withServerRange(analysis.uses(Analysis.Input.SERVER_RANGE) ? input.minServers() : given.minServers(),
                        analysis.uses(Analysis.Input.SERVER_RANGE) ? input.maxServers() : given.maxServers())
                .withFailure(analysis.uses(Analysis.Input.FAILURE) ? input.rate() : given.rate(),
                        analysis.uses(Analysis.Input.FAILURE) ? input.killAfter() : given.killAfter(),
                        analysis.uses(Analysis.Input.FAILURE) ? input.victim() : null)
                .withHotKeys(hot ? input.zipfExponent() : given.zipfExponent(), hot ? input.keySpace() : given.keySpace(),
                        analysis.uses(Analysis.Input.LOAD_FACTOR) ? input.loadFactor() : given.loadFactor());
        if (analysis.uses(Analysis.Input.GRAY_FAILURE) || analysis.uses(Analysis.Input.FLAPPING)) {
            given = given.withFaults(input.faults());
        }
        Set<String> figures = analysis.prepare(given, (shape, servers) -> {
            throw new TestbedException("not started while checking");
        }).figureNames();
        return new Plan(analysis, given, input.workload().seed(), figures);
    }

    /** One analysis with its input checked; the seed is the scenario's unless the step names one. */
    private record Plan(Analysis<?, ?> analysis, AnalysisInput input, Long seed, Set<String> metrics)
            implements AnalysisPlan {

        @Override
        public String code() {
            return analysis.code();
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("requests", input.workload().requests());
            given.put("concurrency", input.workload().concurrency());
            if (seed != null) {
                given.put("seed", seed);
            }
            given.put("hash", input.ring().hash().name());
            given.put("slots", input.ring().slots());
            given.put("vnodes", input.ring().virtualNodesPerServer());
            given.put("probing", input.ring().probing().label());
            if (analysis.uses(Analysis.Input.SERVERS)) {
                given.put("servers", input.servers());
            }
            if (analysis.uses(Analysis.Input.SERVER_RANGE)) {
                given.put("min_servers", input.minServers());
                given.put("max_servers", input.maxServers());
            }
            if (analysis.uses(Analysis.Input.FAILURE)) {
                given.put("rate", input.rate());
                given.put("kill_after", Durations.text(input.killAfter()));
                if (input.victim() != null) {
                    given.put("victim", input.victim());
                }
            }
            if (analysis.uses(Analysis.Input.HOT_KEYS)) {
                given.put("zipf_exponent", input.zipfExponent());
                given.put("key_space", input.keySpace());
            }
            if (analysis.uses(Analysis.Input.LOAD_FACTOR)) {
                given.put("load_factor", input.loadFactor());
            }
            return given;
        }

        @Override
        public String summary() {
            String servers = analysis.uses(Analysis.Input.SERVER_RANGE)
                    ? "N = " + input.minServers() + ".." + input.maxServers() : input.servers() + " servers";
            return analysis.title() + " (" + Figures.number(input.workload().requests()) + " requests, " + servers + ", "
                    + input.ring().hash().name() + " hash, " + input.ring().virtualNodesPerServer() + " virtual nodes)";
        }

        @Override
        public AnalysisOutcome run(long scenarioSeed, dev.ringlab.experiment.TestbedFactory testbeds, Path folder,
                                   java.util.function.Consumer<Runnable> onCancel) throws java.io.IOException {
            Workload workload = new Workload(input.workload().requests(), seed != null ? seed : scenarioSeed,
                    input.workload().concurrency());
            AnalysisInput seeded = new AnalysisInput(input.ring(), workload, input.servers(), input.minServers(),
                    input.maxServers(), input.rate(), input.killAfter(), input.victim(), input.zipfExponent(),
                    input.keySpace(), input.loadFactor(), input.faults());
            Analysis<?, ?>.Prepared prepared = analysis.prepare(seeded, testbeds);
            onCancel.accept(prepared::cancel);
            Analysis<?, ?>.Finished finished = prepared.run(ProgressListener.NONE);
            List<Path> files = finished.write(folder);
            StringWriter table = new StringWriter();
            try (PrintWriter out = new PrintWriter(table)) {
                finished.printTable(out);
            }
            List<String> timing = new ArrayList<>();
            if (analysis.uses(Analysis.Input.FAILURE)) {
                timing.add(analysis.label() + " kills a server on a timer into a paced stream: when the kill is noticed "
                        + "and the replacement joins, and so how many requests were retried, vary from run to run "
                        + "(heartbeat phase, machine load). Requests sent before the kill are routed the same every time.");
            }
            return new AnalysisOutcome(finished.summary(), finished.figures(), table.toString(),
                    files.stream().filter(file -> file.getFileName().toString().endsWith(".png")).toList(), files, timing);
        }
    }
}
