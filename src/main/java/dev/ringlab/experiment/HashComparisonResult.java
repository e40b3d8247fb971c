package dev.ringlab.experiment;

import java.util.List;

/** A-4's figures: one run of per hash function, the ring's own hash first. */
public record HashComparisonResult(HashComparisonParameters parameters, List<HashRun> runs) {

    public HashComparisonResult {
        runs = List.copyOf(runs);
    }
}
