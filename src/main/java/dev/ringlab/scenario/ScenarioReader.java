package dev.ringlab.scenario;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a scenario file completely before anything starts: types, ranges, the analyses'
 * own parameters, and every server a step names, against the servers the steps before it leave on
 * the ring. The first problem found is a {@link ScenarioFileException}.
 */
public final class ScenarioReader {

    static final Set<String> HEADER = Set.of("title", "description", "seed", "backend", "ring", "servers", "steps");
    static final Set<String> RING = Set.of("hash", "slots", "vnodes", "probing", "algorithm");
    static final List<String> ACTIONS = List.of("add", "remove", "kill", "freeze", "thaw", "slow", "clear",
            "replacement", "wait", "send", "ring", "analysis");
    static final Set<String> STEP_EXTRAS = Set.of("caption", "expect", "parameters");
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final Map<String, LessonAnalysis> analyses;
    private final int requestCap;

    public ScenarioReader() {
        this(RegisteredAnalyses.all(), 0);
    }

    ScenarioReader(Map<String, LessonAnalysis> analyses, int requestCap) {
        this.analyses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(analyses));
        this.requestCap = requestCap;
    }

    /**
     * A reader that plays every send and analysis with at most {@code cap} requests: a quick rehearsal
     * of a lesson (the handout says so), and what keeps the tests of every lesson on real processes short.
     */
    public ScenarioReader withRequestsAtMost(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the request cap must be at least 1, got " + cap);
        }
        return new ScenarioReader(analyses, cap);
    }

    public Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ScenarioFileException(file.toString(), 0, 0, null, "cannot read the file: " + unreadable.getMessage());
        }
        return read(file.toString(), text);
    }

    /** @param source the name errors and the handout give the file */
    public Scenario read(String source, String text) {
        Fields.Where header = new Fields.Where(source, 0, null);
        Fields top = Fields.of(header, new YamlReader(source).read(text), "a scenario").allow(HEADER);
        String title = Fields.text(header, top.required("title"), "title");
        String description = top.text("description", "");
        Long seed = top.optionalLong("seed");
        String backend = top.text("backend", "sim").toLowerCase(Locale.ROOT);
        if (!Scenario.BACKENDS.contains(backend)) {
            throw header.error(top.lineOf("backend"), "unknown backend '" + backend + "' (known: "
                    + String.join(", ", Scenario.BACKENDS) + ")");
        }
        RingConfig ring = RingConfig.DEFAULT;
        Algorithm algorithm = Algorithm.RING;
        if (top.has("ring")) {
            Fields ringFields = Fields.of(header, top.node("ring"), "the ring").allow(RING);
            ring = ring(ringFields, RingConfig.DEFAULT);
            algorithm = algorithm(ringFields, Algorithm.RING);
        }
        int servers = Fields.integer(header, top.required("servers"), "servers", 1, ring.maxServers());
        YamlNode stepsNode = top.required("steps");
        if (!(stepsNode instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            throw header.error(stepsNode.line(), "'steps' must be a list of steps (lines starting with '- '), got "
                    + stepsNode.kind());
        }
        PlannedCluster planned = new PlannedCluster(servers, ring);
        List<Step> steps = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            steps.add(step(source, steps.size() + 1, item, planned));
        }
        return new Scenario(source, title, description, seed, backend, ring, algorithm, servers, steps, requestCap);
    }

    private Step step(String source, int number, YamlNode node, PlannedCluster planned) {
        Fields.Where bare = new Fields.Where(source, number, null);
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw bare.error(node.line(), "expected a step: a map with one action (" + String.join(", ", ACTIONS)
                    + "), got " + node.kind());
        }
        String action = null;
        for (String key : mapping.entries().keySet()) {
            if (ACTIONS.contains(key)) {
                if (action != null) {
                    throw bare.error(mapping.keyLines().get(key), "one action per step, found both '" + action
                            + "' and '" + key + "'");
                }
                action = key;
            } else if (!STEP_EXTRAS.contains(key)) {
                throw bare.error(mapping.keyLines().get(key), "unknown step '" + key + "' (known: "
                        + String.join(", ", ACTIONS) + "; a step may also have caption and expect)");
            }
        }
        if (action == null) {
            throw bare.error(node.line(), "the step has no action: expected one of " + String.join(", ", ACTIONS));
        }
        Fields.Where where = new Fields.Where(source, number, action);
        Fields fields = new Fields(where, mapping, "step " + number);
        if (fields.has("parameters") && !action.equals("analysis")) {
            throw where.error(fields.lineOf("parameters"), "'parameters' belongs to an analysis step; " + action
                    + " takes its values directly");
        }
        String caption = fields.has("caption") ? Fields.text(where, fields.node("caption"), "caption") : null;
        Action parsed = action(action, where, fields, planned);
        List<Expectation> expectations = new ArrayList<>();
        if (fields.has("expect")) {
            Fields expect = Fields.of(where, fields.node("expect"), "the expectations");
            for (Map.Entry<String, YamlNode> entry : ((YamlNode.Mapping) fields.node("expect")).entries().entrySet()) {
                if (!parsed.metrics().contains(entry.getKey())) {
                    throw where.error(expect.lineOf(entry.getKey()), "unknown figure '" + entry.getKey() + "' to expect of "
                            + action + " (known: " + String.join(", ", new java.util.TreeSet<>(parsed.metrics())) + ")");
                }
                expectations.add(Expectation.parse(where, entry.getKey(), entry.getValue()));
            }
        }
        return new Step(number, node.line(), parsed, caption, expectations);
    }

    private Action action(String action, Fields.Where where, Fields step, PlannedCluster planned) {
        YamlNode value = step.node(action);
        return switch (action) {
            case "add" -> AddStep.read(where, value, planned);
            case "remove" -> remove(where, value, planned);
            case "kill" -> {
                String server = planned.known(where, value, Fields.text(where, value, "kill"));
                planned.kill(server);
                yield new Action.Kill(server);
            }
            case "freeze" -> {
                String server = planned.known(where, value, Fields.text(where, value, "freeze"));
                if (planned.frozen.contains(server)) {
                    throw where.error(value.line(), server + " is already frozen by an earlier step");
                }
                planned.frozen.add(server);
                yield new Action.Freeze(server);
            }
            case "thaw" -> {
                String server = planned.known(where, value, Fields.text(where, value, "thaw"));
                if (!planned.frozen.remove(server)) {
                    throw where.error(value.line(), server + " is not frozen: no step before this one freezes it"
                            + (planned.frozen.isEmpty() ? "" : " (frozen: " + String.join(", ", planned.frozen) + ")"));
                }
                yield new Action.Thaw(server);
            }
            case "slow" -> slow(where, value, planned);
            case "clear" -> {
                String server = planned.known(where, value, Fields.text(where, value, "clear"));
                planned.frozen.remove(server);
                yield new Action.Clear(server);
            }
            case "replacement" -> {
                String hold = Fields.text(where, value, "replacement").toLowerCase(Locale.ROOT);
                if (!hold.equals("hold") && !hold.equals("release")) {
                    throw where.error(value.line(), "'replacement' must be hold or release, got '" + hold + "'");
                }
                if (hold.equals("hold") == planned.held) {
                    throw where.error(value.line(), planned.held ? "replacements are already held by an earlier step"
                            : "replacements are not held: no step before this one holds them");
                }
                planned.hold(hold.equals("hold"));
                yield new Action.Replacement(planned.held);
            }
            case "wait" -> wait(where, value, planned);
            case "send" -> send(where, value);
            case "ring" -> {
                Fields fields = Fields.of(where, value, "the ring").allow(RING);
                RingConfig ring = ring(fields, planned.ring);
                if (planned.weight() > ring.maxServers()) {
                    throw where.error(value.line(), planned.describeWeight() + " do not fit on a ring of "
                            + ring.slots() + " slots with " + ring.virtualNodesPerServer() + " virtual nodes each (at most "
                            + ring.maxServers() + ")");
                }
                planned.ring = ring;
                yield new Action.Reshape(ring, algorithm(fields, null));
            }
            default -> {
                String name = Fields.text(where, value, "analysis").toLowerCase(Locale.ROOT);
                LessonAnalysis analysis = analyses.get(name);
                if (analysis == null) {
                    throw where.error(value.line(), "unknown analysis '" + name + "' (known: "
                            + String.join(", ", analyses.keySet()) + ")");
                }
                yield new Action.Analysis(analysis.plan(where, step.node("parameters"), planned.ring, requestCap));
            }
        };
    }

    private static Action remove(Fields.Where where, YamlNode value, PlannedCluster planned) {
        if (value instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long) {
            int count = Fields.integer(where, value, "remove", 1, Math.max(1, planned.names.size() - 1));
            if (count >= planned.names.size()) {
                throw where.error(value.line(), "cannot remove " + count + ": at least one server must stay ("
                        + planned.describe() + ")");
            }
            planned.removeNewest(count);
            return new Action.Remove(List.of(), count);
        }
        List<YamlNode> items = value instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(value);
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode item : items) {
            String name = planned.known(where, item, Fields.text(where, item, "remove"));
            if (!names.add(name)) {
                throw where.error(item.line(), "'" + name + "' is listed twice");
            }
        }
        if (names.isEmpty() || names.size() >= planned.names.size()) {
            throw where.error(value.line(), "cannot remove " + names.size() + " of " + planned.names.size()
                    + " servers: at least one must stay, and at least one must go");
        }
        names.forEach(planned::remove);
        return new Action.Remove(List.copyOf(names), names.size());
    }

    /** {@code slow: {server: Server 2, latency_ms: 200, error_rate: 0.1}}: either figure may be left out, as 0. */
    private static Action slow(Fields.Where where, YamlNode value, PlannedCluster planned) {
        Fields fields = Fields.of(where, value, "the slow-down").allow(Set.of("server", "latency_ms", "error_rate"));
        String server = planned.known(where, fields.required("server"), Fields.text(where, fields.required("server"), "server"));
        if (planned.frozen.contains(server)) {
            throw where.error(fields.lineOf("server"), server + " is frozen by an earlier step: thaw or clear it first");
        }
        if (!fields.has("latency_ms") && !fields.has("error_rate")) {
            throw where.error(fields.line(), "'slow' needs latency_ms, error_rate or both, e.g. "
                    + "{server: Server 2, latency_ms: 200, error_rate: 0.1}");
        }
        long latency = fields.integer("latency_ms", 0, 0, dev.ringlab.cluster.Fault.MAX_LATENCY_MS);
        double errorRate = fields.decimal("error_rate", 0);
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw where.error(fields.lineOf("error_rate"), "'error_rate' must be between 0 and 1 (a share of the "
                    + "requests), got " + Figures.number(errorRate));
        }
        return new Action.Slow(server, latency, errorRate);
    }

    private static Action wait(Fields.Where where, YamlNode value, PlannedCluster planned) {
        if (!(value instanceof YamlNode.Mapping)) {
            return new Action.Wait(Fields.duration(where, value, "wait", Duration.ZERO, LONGEST_WAIT), null, null, null);
        }
        Fields fields = Fields.of(where, value, "the wait").allow(Set.of("until", "server", "timeout"));
        String until = Fields.text(where, fields.required("until"), "until").toUpperCase(Locale.ROOT);
        Action.Wait.Until condition;
        try {
            condition = Action.Wait.Until.valueOf(until);
        } catch (IllegalArgumentException unknown) {
            throw where.error(fields.lineOf("until"), "'until' must be detected or replaced, got '"
                    + until.toLowerCase(Locale.ROOT) + "'");
        }
        String server = Fields.text(where, fields.required("server"), "server");
        if (planned.frozen.contains(server)) {
            // a frozen server misses its heartbeats: declared dead, it leaves the ring and is replaced
            planned.frozen.remove(server);
            planned.kill(server);
        } else if (!planned.killed.contains(server)) {
            throw where.error(fields.lineOf("server"), "unknown server '" + server + "' to wait for: no step before this "
                    + "one kills or freezes it" + (planned.killed.isEmpty() ? ""
                    : " (killed: " + String.join(", ", planned.killed) + ")"));
        }
        if (condition == Action.Wait.Until.REPLACED && planned.held) {
            throw where.error(fields.lineOf("until"), "replacements are held: " + server + " cannot be replaced "
                    + "until a step before this one releases them (replacement: release)");
        }
        Duration timeout = fields.duration("timeout", Duration.ofSeconds(30), Duration.ofMillis(1), LONGEST_WAIT);
        return new Action.Wait(null, condition, server, timeout);
    }

    private Action send(Fields.Where where, YamlNode value) {
        if (!(value instanceof YamlNode.Mapping)) {
            return new Action.Send(capped(Fields.integer(where, value, "send", 1, dev.ringlab.experiment.Workload.MAX_REQUESTS)),
                    null, 1, 0);
        }
        Fields fields = Fields.of(where, value, "the send").allow(Set.of("requests", "seed", "concurrency", "rate"));
        return new Action.Send(capped(Fields.integer(where, fields.required("requests"), "requests", 1,
                dev.ringlab.experiment.Workload.MAX_REQUESTS)), fields.optionalLong("seed"),
                fields.integer("concurrency", 1, 1, dev.ringlab.experiment.Workload.MAX_CONCURRENCY),
                fields.integer("rate", 0, 0, 1_000_000));
    }

    private int capped(int requests) {
        return requestCap > 0 ? Math.min(requests, requestCap) : requests;
    }

    private static RingConfig ring(Fields fields, RingConfig base) {
        try {
            RingHash hash = fields.has("hash") ? RingHash.byName(fields.text("hash", null)) : base.hash();
            Probing probing = fields.has("probing") ? Probing.byName(fields.text("probing", null)) : base.probing();
            int slots = fields.integer("slots", base.slots(), 1, RingConfig.MAX_SLOTS);
            int vnodes = fields.integer("vnodes", base.virtualNodesPerServer(), 1, slots);
            return new RingConfig(slots, vnodes, hash, probing);
        } catch (IllegalArgumentException invalid) {
            throw fields.where().error(fields.line(), invalid.getMessage());
        }
    }

    /** The ring's placement algorithm, or {@code fallback} when not given. */
    private static Algorithm algorithm(Fields fields, Algorithm fallback) {
        if (!fields.has("algorithm")) {
            return fallback;
        }
        try {
            return Algorithm.byName(fields.text("algorithm", null));
        } catch (IllegalArgumentException unknown) {
            throw fields.where().error(fields.lineOf("algorithm"), unknown.getMessage());
        }
    }
}
