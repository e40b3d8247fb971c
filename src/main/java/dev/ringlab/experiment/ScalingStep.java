package dev.ringlab.experiment;

import java.util.List;

/**
 * A-2's figures for one N.
 *
 * @param moves what growing the ring to N moved, or null for the first step (or a ring the testbed
 *              cannot see)
 */
public record ScalingStep(int servers, List<ServerLoad> loads, LoadSpread spread, long failed, KeyMoves moves) {

    public ScalingStep {
        loads = List.copyOf(loads);
    }
}
