package dev.ringlab.balancer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The admin endpoints' request bodies: exactly one JSON object, or a one-line reason why not.
 * Strict, so that a body means one thing: a key given twice ({@code {"n":1,"n":2}}), anything after
 * the object ({@code {...} xyz}, a second object) is refused rather than silently resolved.
 */
final class JsonBody {

    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Duplicate keys are an error (Jackson keeps the last one otherwise). */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Jackson's pointer to its input, which says nothing to a client: {@code [Source: ...; line: 1, column: 5]}. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source: [^]]*]\\)?");
    /** Where a limit comes from in Jackson's code: {@code , from `StreamReadConstraints.getMaxNestingDepth()`}. */
    private static final Pattern CONSTRAINT = Pattern.compile(", from `[^`]*`");

    private JsonBody() {
    }

    /** Parses {@code body} as one JSON object or throws {@link BadRequestException} naming {@code example}. */
    static JsonNode object(byte[] body, String example) {
        if (body.length == 0) {
            throw new BadRequestException("request body must be a JSON object like " + example);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try (JsonParser parser = STRICT.createParser(body)) {
            try {
                root = STRICT.readTree(parser);
            } catch (JsonProcessingException malformed) {
                throw new BadRequestException("malformed JSON" + where(malformed.getLocation()) + ": "
                        + reason(malformed.getOriginalMessage()));
            }
            if (root != null) {
                refuseTrailingData(parser);
            }
        } catch (IOException unreadable) {
            throw new BadRequestException("unreadable body: " + reason(unreadable.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("request body must be a JSON object like " + example);
        }
        return root;
    }

    /** Anything after the object, a second object as much as {@code xyz}, makes the body ambiguous. */
    private static void refuseTrailingData(JsonParser parser) throws IOException {
        JsonLocation at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (JsonProcessingException garbage) {
            at = garbage.getLocation();
        }
        throw new BadRequestException("unexpected data after the JSON object" + where(at) + " (send one object)");
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Jackson's whole message on one line, without its pointers into Jackson's own source. */
    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = SOURCE.matcher(message).replaceAll("");
        line = CONSTRAINT.matcher(line).replaceAll("");
        return line.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
