package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /add} and {@code DELETE /rm}: {@code {"n":2,"hostnames":["S5","S6"]}}.
 * Parsing is strict, so that a typo is a clear 400 rather than a surprise: a JSON object, {@code n}
 * a whole number in [1, {@value #MAX_N}], {@code hostnames} (optional) a list of distinct strings.
 */
record ScaleRequest(int n, List<String> hostnames) {

    /** Far above what a 512-slot ring holds; stops a typo from asking for a million processes. */
    static final int MAX_N = 100;
    static final int MAX_BODY_BYTES = JsonBody.MAX_BODY_BYTES;
    private static final String EXAMPLE = "{\"n\":2,\"hostnames\":[\"S5\",\"S6\"]}";

    /** Parses a body or throws {@link BadRequestException} with a one-line reason. */
    static ScaleRequest parse(byte[] body) {
        JsonNode root = JsonBody.object(body, EXAMPLE);
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("n") && !field.equals("hostnames")) {
                throw new BadRequestException("unknown field '" + field + "' (expected n and hostnames)");
            }
        }
        JsonNode n = root.get("n");
        if (n == null || n.isNull()) {
            throw new BadRequestException("n is required: " + EXAMPLE);
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadRequestException("n must be a whole number, got " + n);
        }
        int count = n.intValue();
        if (count < 1) {
            throw new BadRequestException("n must be at least 1, got " + count);
        }
        if (count > MAX_N) {
            throw new BadRequestException("n must be at most " + MAX_N + ", got " + count);
        }
        List<String> names = new ArrayList<>();
        JsonNode hostnames = root.get("hostnames");
        if (hostnames != null && !hostnames.isNull()) {
            if (!hostnames.isArray()) {
                throw new BadRequestException("hostnames must be a list of strings, got " + hostnames.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode hostname : hostnames) {
                if (!hostname.isTextual()) {
                    throw new BadRequestException("hostnames must be strings, got " + hostname);
                }
                if (!seen.add(hostname.textValue())) {
                    throw new BadRequestException("hostname '" + hostname.textValue() + "' is listed twice");
                }
                names.add(hostname.textValue());
            }
        }
        return new ScaleRequest(count, List.copyOf(names));
    }
}
