package dev.ringlab.experiment;

import java.time.Duration;
import java.util.Objects;

/**
 * What the fault lessons read, as the command line and a form give it: A-6 (gray failure) paces
 * {@code rate} requests per second for {@code duration}, freezes one server, then slows another by
 * {@code slowMs}, under a per-try timeout {@code tryTimeout} and, in its second run, passive health
 * ejecting after {@code ejectAfter} failures in a row for {@code ejectTime}; flapping freezes a server
 * for {@code flapDown} every {@code flapEvery} and compares no hysteresis with {@code fall}/{@code rise}.
 * Checked where each analysis builds its parameters, with the limits named there.
 */
public record FaultSettings(int rate, Duration duration, long slowMs, Duration tryTimeout, int ejectAfter,
                            Duration ejectTime, Duration flapDown, Duration flapEvery, int fall, int rise) {

    public static final FaultSettings DEFAULT = new FaultSettings(200, Duration.ofSeconds(8), 1_000,
            Duration.ofMillis(500), 3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 2);

    public FaultSettings {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(tryTimeout, "tryTimeout");
        Objects.requireNonNull(ejectTime, "ejectTime");
        Objects.requireNonNull(flapDown, "flapDown");
        Objects.requireNonNull(flapEvery, "flapEvery");
    }

    /** The same faults, paced at {@code newRate} requests per second for {@code newDuration}. */
    public FaultSettings withPace(int newRate, Duration newDuration) {
        return new FaultSettings(newRate, newDuration, slowMs, tryTimeout, ejectAfter, ejectTime, flapDown, flapEvery,
                fall, rise);
    }
}
