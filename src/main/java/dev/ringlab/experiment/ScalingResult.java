package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/** A-2's figures: one step per N, in increasing N. */
public record ScalingResult(ScalingParameters parameters, String testbed, List<ScalingStep> steps, Duration elapsed) {

    public ScalingResult {
        steps = List.copyOf(steps);
    }

    public String hash() {
        return parameters.ring().hash().name();
    }
}
