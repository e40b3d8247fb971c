package dev.ringlab.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML with Jackson's streaming parser into {@link YamlNode}s that remember their lines:
 * a data-binding tree would forget them, and "line 14" is what makes an error in a lesson quick to fix.
 */
final class YamlReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String source;

    /** @param source the file's name, for messages */
    YamlReader(String source) {
        this.source = source;
    }

    /** The document's root; a syntax error or a repeated key is a {@link ScenarioFileException}. */
    YamlNode read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioFileException(source, 1, 0, null, "the file is empty: expected a scenario (title, servers, steps)");
            }
            YamlNode root = value(parser);
            if (parser.nextToken() != null) {
                throw new ScenarioFileException(source, line(parser), 0, null, "expected one YAML document, found more");
            }
            return root;
        } catch (JsonProcessingException syntax) {
            int line = syntax.getLocation() == null ? 0 : syntax.getLocation().getLineNr();
            throw new ScenarioFileException(source, line, 0, null, "not valid YAML: " + syntax.getOriginalMessage()
                    .lines().findFirst().orElse("syntax error"));
        } catch (IOException unreadable) {
            throw new ScenarioFileException(source, 0, 0, null, "cannot read: " + unreadable.getMessage());
        }
    }

    private YamlNode value(JsonParser parser) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, line);
            case START_ARRAY -> sequence(parser, line);
            case VALUE_STRING -> new YamlNode.Scalar(line, parser.getText());
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, parser.getDoubleValue());
            case VALUE_TRUE -> new YamlNode.Scalar(line, Boolean.TRUE);
            case VALUE_FALSE -> new YamlNode.Scalar(line, Boolean.FALSE);
            case VALUE_NULL -> new YamlNode.Scalar(line, null);
            default -> throw new ScenarioFileException(source, line, 0, null, "unexpected YAML: " + token);
        };
    }

    private YamlNode.Mapping mapping(JsonParser parser, int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            if (entries.containsKey(key)) {
                throw new ScenarioFileException(source, keyLine, 0, null, "'" + key + "' is given twice in the map of line "
                        + line + " (first on line " + keyLines.get(key) + ")");
            }
            parser.nextToken();
            entries.put(key, value(parser));
            keyLines.put(key, keyLine);
        }
        return new YamlNode.Mapping(line, entries, keyLines);
    }

    private YamlNode.Sequence sequence(JsonParser parser, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser));
        }
        return new YamlNode.Sequence(line, items);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
