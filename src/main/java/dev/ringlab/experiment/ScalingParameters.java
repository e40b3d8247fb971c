package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.util.Objects;

/** the workload sent again for every N from {@code minServers} to {@code maxServers}. */
public record ScalingParameters(RingConfig ring, int minServers, int maxServers, Workload workload) {

    public static final int DEFAULT_MIN_SERVERS = 2;
    public static final int DEFAULT_MAX_SERVERS = 6;

    public ScalingParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        checkServers("min servers", minServers, ring);
        checkServers("max servers", maxServers, ring);
        if (minServers > maxServers) {
            throw new IllegalArgumentException(
                    "min servers (" + minServers + ") must not exceed max servers (" + maxServers + ")");
        }
    }

    public int steps() {
        return maxServers - minServers + 1;
    }

    static void checkServers(String what, int servers, RingConfig ring) {
        if (servers < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + servers);
        }
        if (servers > ring.maxServers()) {
            throw new IllegalArgumentException(what + " (" + servers + ") do not fit on a ring of " + ring.slots()
                    + " slots with " + ring.virtualNodesPerServer() + " virtual nodes each (at most "
                    + ring.maxServers() + ")");
        }
    }
}
