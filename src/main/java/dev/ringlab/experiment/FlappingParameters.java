package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Flapping: {@code rate} requests per second for {@code duration} to {@code servers} servers while one
 * of them (null: the busiest) is frozen for {@code down} every {@code every}, run twice: without
 * hysteresis (fall 1, rise 1: the first missed heartbeat takes it off the ring) and with
 * {@code fall}/{@code rise}. Every try waits at most {@code tryTimeout}.
 */
public record FlappingParameters(RingConfig ring, int servers, Workload workload, int rate, Duration duration,
                                 String flapper, Duration down, Duration every, int fall, int rise,
                                 Duration tryTimeout, Duration bucket) {

    public static final int MAX_HYSTERESIS = 100;

    public FlappingParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(tryTimeout, "tryTimeout");
        Objects.requireNonNull(bucket, "bucket");
        if (servers < 2 || servers > ring.maxServers()) {
            throw new IllegalArgumentException("flap needs 2 to " + ring.maxServers()
                    + " servers (one flapping, one that answers), got " + servers);
        }
        if (rate < 1 || rate > GrayFailureParameters.MAX_RATE) {
            throw new IllegalArgumentException("rate must be between 1 and " + GrayFailureParameters.MAX_RATE
                    + " requests/s for flap, got " + rate);
        }
        if (duration.compareTo(Duration.ofSeconds(2)) < 0 || duration.compareTo(GrayFailureParameters.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be between 2 s and "
                    + GrayFailureParameters.MAX_DURATION.toMinutes() + " min, got " + duration.toMillis() + " ms");
        }
        if (down.toMillis() < 10 || down.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("flap-down must be between 10 ms and 60 s, got " + down.toMillis() + " ms");
        }
        if (every.compareTo(down) <= 0 || every.compareTo(duration) > 0) {
            throw new IllegalArgumentException("flap-every must be longer than flap-down (" + down.toMillis()
                    + " ms) and at most the duration (" + duration.toMillis() + " ms), got " + every.toMillis() + " ms");
        }
        if (fall < 1 || fall > MAX_HYSTERESIS || rise < 1 || rise > MAX_HYSTERESIS) {
            throw new IllegalArgumentException("fall and rise must be between 1 and " + MAX_HYSTERESIS + ", got fall "
                    + fall + ", rise " + rise);
        }
        if (fall == 1 && rise == 1) {
            throw new IllegalArgumentException("fall 1 and rise 1 is no hysteresis, what flap's first run has already:"
                    + " give a fall or rise above 1");
        }
        if (tryTimeout.toMillis() < 10 || tryTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("try-timeout must be between 10 ms and 60 s, got " + tryTimeout.toMillis() + " ms");
        }
    }

    static FlappingParameters of(AnalysisInput input) {
        FaultSettings faults = input.faults();
        return new FlappingParameters(input.ring(), input.servers(), input.workload(), faults.rate(), faults.duration(),
                GrayFailureParameters.busiestOrNamed(input.victim()), faults.flapDown(), faults.flapEvery(), faults.fall(), faults.rise(),
                faults.tryTimeout(), GrayFailureParameters.DEFAULT_BUCKET);
    }

    int requests() {
        return (int) Math.max(1, duration.toMillis() * rate / 1000);
    }

    long intervalNanos() {
        return 1_000_000_000L / rate;
    }
}
