package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.Fault;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /fault}, one of three asks on one server of RingLab's own:
 * {@code {"hostname":"Server 2","freeze":true}} (false thaws it),
 * {@code {"hostname":"Server 2","latency_ms":200,"error_rate":0.1}} (either may be left out, as 0),
 * {@code {"hostname":"Server 2","clear":true}} (thaws it if frozen and takes latency and errors away).
 * Strict like {@link ScaleRequest}: a typo is a clear 400, and a refused ask changes nothing.
 */
record FaultRequest(String hostname, Boolean freeze, Fault fault, boolean clear) {

    private static final String EXAMPLE = "{\"hostname\":\"Server 2\",\"freeze\":true}, "
            + "{\"hostname\":\"Server 2\",\"latency_ms\":200,\"error_rate\":0.1} or {\"hostname\":\"Server 2\",\"clear\":true}";
    private static final Set<String> FIELDS = Set.of("hostname", "freeze", "latency_ms", "error_rate", "clear");

    static FaultRequest parse(byte[] body) {
        JsonNode root = JsonBody.object(body, EXAMPLE);
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                throw new BadRequestException("unknown field '" + field + "' (expected hostname with freeze, latency_ms and error_rate, or clear)");
            }
        }
        JsonNode hostname = root.get("hostname");
        if (hostname == null || !hostname.isTextual() || hostname.textValue().isBlank()) {
            throw new BadRequestException("hostname is required, as a string: " + EXAMPLE);
        }
        JsonNode freeze = root.get("freeze");
        JsonNode clear = root.get("clear");
        JsonNode latency = root.get("latency_ms");
        JsonNode errorRate = root.get("error_rate");
        boolean slows = latency != null || errorRate != null;
        int asks = (freeze != null ? 1 : 0) + (clear != null ? 1 : 0) + (slows ? 1 : 0);
        if (asks != 1) {
            throw new BadRequestException("give exactly one of freeze, latency_ms/error_rate or clear: " + EXAMPLE);
        }
        if (freeze != null) {
            if (!freeze.isBoolean()) {
                throw new BadRequestException("freeze must be true or false, got " + freeze);
            }
            return new FaultRequest(hostname.textValue(), freeze.booleanValue(), null, false);
        }
        if (clear != null) {
            if (!clear.isBoolean() || !clear.booleanValue()) {
                throw new BadRequestException("clear must be true, got " + clear);
            }
            return new FaultRequest(hostname.textValue(), null, Fault.NONE, true);
        }
        if (latency != null && (!latency.isIntegralNumber() || !latency.canConvertToLong())) {
            throw new BadRequestException("latency_ms must be a whole number of ms within 0.." + Fault.MAX_LATENCY_MS + ", got " + latency);
        }
        if (errorRate != null && !errorRate.isNumber()) {
            throw new BadRequestException("error_rate must be a number within 0..1, got " + errorRate);
        }
        try {
            Fault fault = new Fault(latency == null ? 0 : latency.longValue(), errorRate == null ? 0 : errorRate.doubleValue());
            return new FaultRequest(hostname.textValue(), null, fault, false);
        } catch (ClusterException outOfRange) {
            throw new BadRequestException(outOfRange.getMessage());
        }
    }

    /** Carries the ask out on {@code cluster}; what it refuses (unknown or dead server, not frozen) changes nothing. */
    void applyTo(Cluster cluster) {
        if (freeze != null) {
            if (freeze) {
                cluster.freeze(hostname);
            } else {
                cluster.thaw(hostname);
            }
            return;
        }
        if (clear) {
            boolean frozen = cluster.member(hostname).map(m -> cluster.isFrozen(m.server())).orElse(false);
            if (frozen) {
                cluster.thaw(hostname);
            }
        }
        cluster.fault(hostname, fault);
    }
}
