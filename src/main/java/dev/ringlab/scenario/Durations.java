package dev.ringlab.scenario;

import java.time.Duration;

/** Durations written as a scenario file writes them: 500ms, 2s, 1.5s. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000 || millis % 100 != 0) {
            return millis + "ms";
        }
        return millis % 1_000 == 0 ? (millis / 1_000) + "s" : (millis / 1_000.0) + "s";
    }
}
