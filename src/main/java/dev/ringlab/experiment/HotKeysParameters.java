package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.util.List;
import java.util.Objects;

/**
 * the workload's requests drawn from {@code keySpace} keys with Zipf exponent {@code exponent},
 * placed over {@code servers} servers by each algorithm of {@link #ALGORITHMS}, bounded loads with
 * factor {@code loadFactor}. Each request stays in flight while the next
 * {@link #IN_FLIGHT_PER_SERVER} x N requests are placed, which is what bounded loads bounds.
 */
public record HotKeysParameters(RingConfig ring, int servers, Workload workload, double exponent, int keySpace,
                                double loadFactor) {

    public static final List<Algorithm> ALGORITHMS =
            List.of(Algorithm.RING, Algorithm.MAGLEV, Algorithm.RENDEZVOUS, Algorithm.BOUNDED);
    public static final int IN_FLIGHT_PER_SERVER = 10;
    public static final int MAX_KEY_SPACE = 10_000_000;
    public static final double MAX_EXPONENT = 10;
    /** Points on the over-time chart. */
    static final int BUCKETS = 50;

    public HotKeysParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        ScalingParameters.checkServers("servers", servers, ring);
        if (!(exponent > 0) || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("the Zipf exponent s must be above 0 and at most " + MAX_EXPONENT
                    + " (1.1 is typical of web traffic), got " + exponent);
        }
        if (keySpace < 1 || keySpace > MAX_KEY_SPACE) {
            throw new IllegalArgumentException("the key space must be between 1 and " + MAX_KEY_SPACE + " keys, got "
                    + keySpace);
        }
        // Bounded loads' own check: c above 1 and at most 100, in one line.
        new PlacementSettings(ring, PlacementSettings.DEFAULT_MAGLEV_TABLE_SIZE, loadFactor);
    }

    PlacementSettings placement() {
        return new PlacementSettings(ring, PlacementSettings.DEFAULT_MAGLEV_TABLE_SIZE, loadFactor);
    }

    int inFlight() {
        return IN_FLIGHT_PER_SERVER * servers;
    }

    /** Requests per point of the over-time chart: at least the in-flight window. */
    int bucket() {
        return Math.max(inFlight(), (workload.requests() + BUCKETS - 1) / BUCKETS);
    }
}
