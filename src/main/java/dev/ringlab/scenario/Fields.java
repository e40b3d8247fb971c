package dev.ringlab.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of one map of a scenario file (the header, a step, an analysis's parameters): every
 * wrong key, type or range becomes a {@link ScenarioFileException} on the line of the value at fault.
 */
final class Fields {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)\\s*");

    /** Where these fields are: the file, and the step (0 for the header) with its action. */
    record Where(String source, int step, String action) {
        ScenarioFileException error(int line, String problem) {
            return new ScenarioFileException(source, line, step, action, problem);
        }
    }

    private final Where where;
    private final YamlNode.Mapping map;
    private final String what;

    /** @param what how a person names this map, for "unknown key 'x' in the ring" */
    Fields(Where where, YamlNode.Mapping map, String what) {
        this.where = where;
        this.map = map;
        this.what = what;
    }

    /** A node that must be a map, read as fields. */
    static Fields of(Where where, YamlNode node, String what) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw where.error(node.line(), "expected " + what + " as a map (key: value lines), got " + node.kind());
        }
        return new Fields(where, mapping, what);
    }

    Where where() {
        return where;
    }

    int line() {
        return map.line();
    }

    /** Refuses any key not in {@code known}: a typo must not be ignored silently. */
    Fields allow(Set<String> known) {
        for (String key : map.entries().keySet()) {
            if (!known.contains(key)) {
                throw where.error(lineOf(key), "unknown key '" + key + "' in " + what + " (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    YamlNode node(String key) {
        return map.entries().get(key);
    }

    int lineOf(String key) {
        return map.keyLines().getOrDefault(key, map.line());
    }

    YamlNode required(String key) {
        YamlNode node = node(key);
        if (node == null) {
            throw where.error(map.line(), "'" + key + "' is missing from " + what);
        }
        return node;
    }

    int integer(String key, int fallback, long min, long max) {
        return has(key) ? integer(where, node(key), key, min, max) : fallback;
    }

    Long optionalLong(String key) {
        if (!has(key)) {
            return null;
        }
        YamlNode node = node(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long value) {
            return value;
        }
        throw where.error(node.line(), "'" + key + "' must be a whole number, got " + node.kind());
    }

    double decimal(String key, double fallback) {
        return has(key) ? number(where, node(key), key) : fallback;
    }

    String text(String key, String fallback) {
        return has(key) ? text(where, node(key), key) : fallback;
    }

    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        return has(key) ? duration(where, node(key), key, min, max) : fallback;
    }

    static int integer(Where where, YamlNode node, String name, long min, long max) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long value) {
            if (value < min || value > max) {
                throw where.error(node.line(), "'" + name + "' must be between " + min + " and " + max + ", got " + value);
            }
            return value.intValue();
        }
        throw where.error(node.line(), "'" + name + "' must be a whole number, got " + node.kind());
    }

    static double number(Where where, YamlNode node, String name) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Number value) {
            return value.doubleValue();
        }
        throw where.error(node.line(), "'" + name + "' must be a number, got " + node.kind());
    }

    static String text(Where where, YamlNode node, String name) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() != null && !(scalar.value() instanceof Boolean)) {
            String text = scalar.value().toString().trim();
            if (!text.isEmpty()) {
                return text;
            }
        }
        throw where.error(node.line(), "'" + name + "' must be a text, got " + node.kind());
    }

    /** "500ms", "2s", "1.5s", "1m": a bare number is refused, since nobody can tell its unit. */
    static Duration duration(Where where, YamlNode node, String name, Duration min, Duration max) {
        String given = node instanceof YamlNode.Scalar scalar && scalar.value() != null ? scalar.value().toString() : null;
        Matcher matcher = given == null ? null : DURATION.matcher(given.toLowerCase(Locale.ROOT));
        if (matcher == null || !matcher.matches()) {
            throw where.error(node.line(), "'" + name + "' must be a duration like 500ms, 2s or 1m, got " + node.kind());
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        Duration duration = Duration.ofNanos(Math.round(millis * 1_000_000));
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw where.error(node.line(), "'" + name + "' must be between " + Durations.text(min) + " and "
                    + Durations.text(max) + ", got " + given.trim());
        }
        return duration;
    }
}
