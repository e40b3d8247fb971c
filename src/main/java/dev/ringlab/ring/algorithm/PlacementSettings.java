package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.RingConfig;
import java.util.Objects;

/**
 * The knobs of the algorithms that have any: the ring's shape (ring and bounded loads), Maglev's
 * table size (a prime), and the bounded-loads factor c.
 */
public record PlacementSettings(RingConfig ring, int maglevTableSize, double loadFactor) {

    public static final int DEFAULT_MAGLEV_TABLE_SIZE = MaglevPlacement.DEFAULT_TABLE_SIZE;
    public static final double DEFAULT_LOAD_FACTOR = BoundedLoadPlacement.DEFAULT_LOAD_FACTOR;

    public static final PlacementSettings DEFAULT =
            new PlacementSettings(RingConfig.DEFAULT, DEFAULT_MAGLEV_TABLE_SIZE, DEFAULT_LOAD_FACTOR);

    public PlacementSettings {
        Objects.requireNonNull(ring, "ring");
        MaglevPlacement.checkTableSize(maglevTableSize);
        BoundedLoadPlacement.checkLoadFactor(loadFactor);
    }

    public PlacementSettings withRing(RingConfig newRing) {
        return new PlacementSettings(newRing, maglevTableSize, loadFactor);
    }
}
