package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/** Flapping: the same stream and the same flaps without hysteresis, then with fall/rise. */
public record FlappingResult(FlappingParameters parameters, String testbed, FlapRun without, FlapRun with,
                             Duration elapsed) {

    public List<FlapRun> runs() {
        return List.of(without, with);
    }
}
