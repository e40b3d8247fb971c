package dev.ringlab.experiment.compare;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.util.List;
import java.util.Objects;

/**
 * One comparison: which algorithms, how many servers and keys, the ring's virtual-node counts (one
 * ring contender per count), and the other algorithms' knobs. Invalid values are refused with a
 * message fit for one line of a command's output.
 */
public record CompareSettings(List<Algorithm> algorithms, int servers, int keys, List<Integer> virtualNodes,
                              int slots, RingHash ringHash, int maglevTableSize, double loadFactor, long seed) {

    public static final int MAX_SERVERS = 1000;
    public static final int MAX_KEYS = 10_000_000;

    public static CompareSettings defaults() {
        return new CompareSettings(List.of(Algorithm.values()), 10, 100_000, List.of(9, 100), 65_536,
                RingHash.MURMUR3, PlacementSettings.DEFAULT_MAGLEV_TABLE_SIZE, PlacementSettings.DEFAULT_LOAD_FACTOR, 1);
    }

    public CompareSettings {
        Objects.requireNonNull(ringHash, "ringHash");
        algorithms = List.copyOf(new java.util.LinkedHashSet<>(algorithms));
        virtualNodes = virtualNodes.stream().distinct().sorted().toList();
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("name at least one algorithm");
        }
        if (servers < 2 || servers > MAX_SERVERS) {
            throw new IllegalArgumentException("--servers must be between 2 and " + MAX_SERVERS
                    + " (one is removed to measure movement), got " + servers);
        }
        if (keys < 1 || keys > MAX_KEYS) {
            throw new IllegalArgumentException("--keys must be between 1 and " + MAX_KEYS + ", got " + keys);
        }
        if (virtualNodes.isEmpty() || virtualNodes.get(0) < 1) {
            throw new IllegalArgumentException("--vnodes needs positive virtual-node counts, got " + virtualNodes);
        }
        if (slots < 1 || slots > RingConfig.MAX_SLOTS) {
            throw new IllegalArgumentException("--slots must be between 1 and " + RingConfig.MAX_SLOTS + ", got " + slots);
        }
        long needed = (long) (servers + 1) * virtualNodes.get(virtualNodes.size() - 1);
        if (usesRing(algorithms) && needed > slots) {
            throw new IllegalArgumentException("a ring of " + slots + " slots cannot hold " + (servers + 1)
                    + " servers with " + virtualNodes.get(virtualNodes.size() - 1) + " virtual nodes each; raise --slots or lower --vnodes");
        }
        if (maglevTableSize < servers + 1 && algorithms.contains(Algorithm.MAGLEV)) {
            throw new IllegalArgumentException("--maglev-size " + maglevTableSize + " is smaller than the "
                    + (servers + 1) + " servers it must hold");
        }
        // the placements check the prime table size and c > 1 with their own messages
        new PlacementSettings(RingConfig.DEFAULT, maglevTableSize, loadFactor);
    }

    private static boolean usesRing(List<Algorithm> algorithms) {
        return algorithms.contains(Algorithm.RING) || algorithms.contains(Algorithm.BOUNDED);
    }

    /** The placement settings for a ring of {@code v} virtual nodes per server. */
    public PlacementSettings placementSettings(int v) {
        return new PlacementSettings(new RingConfig(slots, v, ringHash, Probing.LINEAR), maglevTableSize, loadFactor);
    }
}
