package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/**
 * A-5's figures: one run per algorithm over the same stream, and how hot the hottest keys were.
 *
 * @param hottestShares the share of all requests of the hottest keys, hottest first (up to ten)
 */
public record HotKeysResult(HotKeysParameters parameters, List<HotKeysRun> runs, List<Double> hottestShares,
                            Duration elapsed) {

    public HotKeysResult {
        runs = List.copyOf(runs);
        hottestShares = List.copyOf(hottestShares);
    }

    /** The cap bounded loads keeps: c times the mean. */
    public double cap() {
        return parameters.loadFactor();
    }
}
