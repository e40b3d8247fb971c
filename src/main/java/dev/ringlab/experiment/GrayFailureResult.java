package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/** the same stream and the same faults with passive health off, then on. */
public record GrayFailureResult(GrayFailureParameters parameters, String testbed, GrayRun off, GrayRun on,
                                Duration elapsed) {

    public List<GrayRun> runs() {
        return List.of(off, on);
    }
}
