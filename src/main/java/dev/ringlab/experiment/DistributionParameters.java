package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.util.Objects;

/** {@code workload} sent over {@code servers} servers on a ring shaped like {@code ring}. */
public record DistributionParameters(RingConfig ring, int servers, Workload workload) {

    public static final int DEFAULT_SERVERS = 3;

    public DistributionParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        ScalingParameters.checkServers("servers", servers, ring);
    }
}
