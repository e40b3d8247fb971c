package dev.ringlab.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a scenario file together with the line it starts on, so every later check can name the
 * line a teacher has to fix. Read by {@link YamlReader}; immutable.
 */
sealed interface YamlNode {

    /** 1-based line in the file. */
    int line();

    /** What a person calls this kind of value, for "expected a number, got a list". */
    String kind();

    /** A key-value map; keys keep the order of the file, and each key its own line. */
    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Map.copyOf(keyLines);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A single value as YAML typed it: {@link String}, {@link Long}, {@link Double}, {@link Boolean},
     * or null for an empty value.
     */
    record Scalar(int line, Object value) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof String text) {
                return "the text '" + text + "'";
            }
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
    }
}
