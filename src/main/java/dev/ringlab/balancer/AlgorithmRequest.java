package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.Iterator;

/** The body of {@code POST /algorithm}: {@code {"algorithm":"maglev"}}, strictly parsed. */
record AlgorithmRequest(Algorithm algorithm) {

    private static final String EXAMPLE = "{\"algorithm\":\"maglev\"}";

    static AlgorithmRequest parse(byte[] body) {
        JsonNode root = JsonBody.object(body, EXAMPLE);
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("algorithm")) {
                throw new BadRequestException("unknown field '" + field + "' (expected algorithm)");
            }
        }
        JsonNode name = root.get("algorithm");
        if (name == null || !name.isTextual()) {
            throw new BadRequestException("algorithm must be a string: " + EXAMPLE);
        }
        try {
            return new AlgorithmRequest(Algorithm.byName(name.textValue()));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException(unknown.getMessage());
        }
    }
}
