package dev.ringlab.balancer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin endpoints' request bodies: one JSON object, or a one-line reason why not. */
final class JsonBody {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private JsonBody() {
    }

    /** Parses {@code body} as a JSON object or throws {@link BadRequestException} naming {@code example}. */
    static JsonNode object(ObjectMapper json, byte[] body, String example) {
        if (body.length == 0) {
            throw new BadRequestException("request body must be a JSON object like " + example);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException malformed) {
            com.fasterxml.jackson.core.JsonLocation at = malformed.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadRequestException("malformed JSON" + where + ": " + firstClause(malformed.getOriginalMessage()));
        } catch (java.io.IOException unreadable) {
            throw new BadRequestException("unreadable body: " + firstLine(unreadable.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("request body must be a JSON object like " + example);
        }
        return root;
    }

    /** Jackson's first sentence, without its parenthesised source description. */
    private static String firstClause(String message) {
        String line = firstLine(message);
        int aside = line.indexOf(" (");
        return aside > 0 ? line.substring(0, aside) : line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
