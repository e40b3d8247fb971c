package dev.ringlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Scenario} as the file {@link ScenarioReader} reads back into the same steps: how a
 * window session saved as a scenario becomes a lesson a teacher can edit and replay. Jackson's YAML
 * module does the quoting (a caption with a colon, an expectation like {@code "< 1.3"}).
 */
public final class ScenarioWriter {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ScenarioWriter() {
    }

    /** The file's text; {@code comment} (may be null) opens it as {@code #} lines. */
    public static String write(Scenario scenario, String comment) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("title", scenario.title());
        if (!scenario.description().isBlank()) {
            top.put("description", scenario.description());
        }
        if (scenario.seed() != null) {
            top.put("seed", scenario.seed());
        }
        top.put("backend", scenario.backend());
        top.put("ring", ring(scenario.ring(), scenario.algorithm()));
        top.put("servers", scenario.servers());
        top.put("steps", scenario.steps().stream().map(ScenarioWriter::step).toList());
        StringBuilder text = new StringBuilder();
        if (comment != null) {
            comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        }
        try {
            return text.append(YAML.writeValueAsString(top)).toString();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("plain maps, lists and scalars always write", impossible);
        }
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> map = new LinkedHashMap<>();
        Action action = step.action();
        map.put(action.name(), value(action));
        if (action instanceof Action.Analysis analysis) {
            map.put("parameters", analysis.plan().parameters());
        }
        if (step.caption() != null) {
            map.put("caption", step.caption());
        }
        if (!step.expectations().isEmpty()) {
            Map<String, Object> expect = new LinkedHashMap<>();
            for (Expectation expectation : step.expectations()) {
                expect.put(expectation.metric(), expectation.operator().equals("==") ? number(expectation.value())
                        : expectation.operator() + " " + Figures.number(expectation.value()).replace(",", ""));
            }
            map.put("expect", expect);
        }
        return map;
    }

    private static Object value(Action action) {
        if (action instanceof Action.Add add) {
            return add(add);
        } else if (action instanceof Action.Remove remove) {
            return remove.servers().isEmpty() ? remove.count()
                    : remove.servers().size() == 1 ? remove.servers().get(0) : remove.servers();
        } else if (action instanceof Action.Kill kill) {
            return kill.server();
        } else if (action instanceof Action.Freeze freeze) {
            return freeze.server();
        } else if (action instanceof Action.Thaw thaw) {
            return thaw.server();
        } else if (action instanceof Action.Clear clear) {
            return clear.server();
        } else if (action instanceof Action.Slow slow) {
            return ordered("server", slow.server(), "latency_ms", slow.latencyMs(), "error_rate", slow.errorRate());
        } else if (action instanceof Action.Replacement replacement) {
            return replacement.hold() ? "hold" : "release";
        } else if (action instanceof Action.Wait wait) {
            return wait.until() == null ? Durations.text(wait.duration())
                    : ordered("until", wait.until().name().toLowerCase(Locale.ROOT), "server", wait.server(),
                            "timeout", Durations.text(wait.timeout()));
        } else if (action instanceof Action.Send send) {
            return send.seed() == null && send.concurrency() == 1 && send.rate() == 0 ? send.requests() : send(send);
        } else if (action instanceof Action.Reshape reshape) {
            return ring(reshape.ring(), reshape.algorithm());
        }
        return ((Action.Analysis) action).plan().code();
    }

    /** {@code add: 2}, {@code add: S5}, {@code add: [S5, S6]}, or the map with count and weights. */
    private static Object add(Action.Add add) {
        if (add.plain()) {
            return add.count();
        }
        if (add.weights().isEmpty() && add.count() == add.servers().size()) {
            return add.servers().size() == 1 ? add.servers().get(0) : add.servers();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (!add.servers().isEmpty()) {
            map.put("servers", add.servers());
        }
        map.put("count", add.count());
        if (!add.weights().isEmpty()) {
            map.put("weights", add.weights());
        }
        return map;
    }

    private static Map<String, Object> send(Action.Send send) {
        Map<String, Object> map = ordered("requests", send.requests());
        if (send.seed() != null) {
            map.put("seed", send.seed());
        }
        map.put("concurrency", send.concurrency());
        map.put("rate", send.rate());
        return map;
    }

    /** The ring's keys, and its placement when one is given. */
    static Map<String, Object> ring(RingConfig ring, Algorithm algorithm) {
        Map<String, Object> map = ordered("hash", ring.hash().name(), "slots", ring.slots(), "vnodes",
                ring.virtualNodesPerServer(), "probing", ring.probing().label());
        if (algorithm != null) {
            map.put("algorithm", algorithm.label());
        }
        return map;
    }

    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
