package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A-1 with {@code servers} servers and A-2 from {@code minServers} to {@code maxServers}, under the
 * ring's hash first and then under every other built-in hash.
 */
public record HashComparisonParameters(RingConfig ring, int servers, int minServers, int maxServers,
                                       Workload workload) {

    public HashComparisonParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        // Validate both halves now, so a bad value fails before anything runs.
        new DistributionParameters(ring, servers, workload);
        new ScalingParameters(ring, minServers, maxServers, workload);
    }

    /** The ring's own hash first, then the others. */
    public List<RingHash> hashes() {
        List<RingHash> hashes = new ArrayList<>();
        hashes.add(ring.hash());
        RingHash.builtIn().stream().filter(hash -> !hash.name().equals(ring.hash().name())).forEach(hashes::add);
        return List.copyOf(hashes);
    }

    DistributionParameters distribution(RingHash hash) {
        return new DistributionParameters(ring.withHash(hash), servers, workload);
    }

    ScalingParameters scaling(RingHash hash) {
        return new ScalingParameters(ring.withHash(hash), minServers, maxServers, workload);
    }
}
