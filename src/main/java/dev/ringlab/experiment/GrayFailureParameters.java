package dev.ringlab.experiment;

import dev.ringlab.cluster.Fault;
import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * A-6, gray failure: {@code rate} requests per second for {@code duration} to {@code servers} servers,
 * twice (passive health off, then on). At {@code freezeAt} the server {@code frozen} (null: the busiest)
 * is frozen; at {@code slowAt} the busiest other server is slowed by {@code slowMs} on {@code /home}, its
 * heartbeats still prompt. Every try waits at most {@code tryTimeout}; the second run ejects a server
 * after {@code ejectAfter} failures in a row for {@code ejectTime}. Per {@code bucket}: latency
 * percentiles, errors, retries.
 */
public record GrayFailureParameters(RingConfig ring, int servers, Workload workload, int rate, Duration duration,
                                    Duration freezeAt, Duration slowAt, String frozen, long slowMs,
                                    Duration tryTimeout, int ejectAfter, Duration ejectTime, Duration bucket) {

    public static final int MAX_RATE = 5_000;
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BUCKET = Duration.ofMillis(250);

    public GrayFailureParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(freezeAt, "freezeAt");
        Objects.requireNonNull(slowAt, "slowAt");
        Objects.requireNonNull(tryTimeout, "tryTimeout");
        Objects.requireNonNull(ejectTime, "ejectTime");
        Objects.requireNonNull(bucket, "bucket");
        // Two faulty servers and at least one that answers.
        if (servers < 3 || servers > ring.maxServers()) {
            throw new IllegalArgumentException("a6 needs 3 to " + ring.maxServers()
                    + " servers (one frozen, one slow, one that answers), got " + servers);
        }
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException("rate must be between 1 and " + MAX_RATE + " requests/s for a6, got " + rate);
        }
        if (duration.compareTo(Duration.ofSeconds(2)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be between 2 s and " + MAX_DURATION.toMinutes()
                    + " min, got " + duration.toMillis() + " ms");
        }
        if (freezeAt.isNegative() || slowAt.compareTo(freezeAt) < 0 || slowAt.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the freeze (" + freezeAt.toMillis() + " ms) and the slow-down ("
                    + slowAt.toMillis() + " ms) must come in that order within the " + duration.toMillis() + " ms run");
        }
        if (slowMs < 1 || slowMs > Fault.MAX_LATENCY_MS) {
            throw new IllegalArgumentException("slow-ms must be within 1.." + Fault.MAX_LATENCY_MS + " ms, got " + slowMs);
        }
        if (tryTimeout.toMillis() < 10 || tryTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("try-timeout must be between 10 ms and 60 s, got " + tryTimeout.toMillis() + " ms");
        }
        if (ejectAfter < 1 || ejectAfter > 1000) {
            throw new IllegalArgumentException("eject-after must be between 1 and 1000 failures (a6 runs once without"
                    + " passive health anyway), got " + ejectAfter);
        }
        if (ejectTime.toMillis() < 10 || ejectTime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("eject-time must be between 10 ms and 5 min, got " + ejectTime.toMillis() + " ms");
        }
        if (bucket.toMillis() < 10) {
            throw new IllegalArgumentException("bucket must be at least 10 ms, got " + bucket.toMillis() + " ms");
        }
    }

    /** The settings of {@code input}: freeze an eighth into the run, slow another server at 45 %. */
    static GrayFailureParameters of(AnalysisInput input) {
        FaultSettings faults = input.faults();
        Duration duration = faults.duration();
        return new GrayFailureParameters(input.ring(), input.servers(), input.workload(), faults.rate(), duration,
                duration.dividedBy(8), duration.multipliedBy(9).dividedBy(20), busiestOrNamed(input.victim()), faults.slowMs(),
                faults.tryTimeout(), faults.ejectAfter(), faults.ejectTime(), DEFAULT_BUCKET);
    }

    /** Null (the busiest) for no name or {@code busiest}, as A-3 and the window say it; else the name. */
    static String busiestOrNamed(String victim) {
        return victim == null || victim.equals(FailoverParameters.BUSIEST) ? null : victim;
    }

    /** Requests in one run. */
    int requests() {
        return (int) Math.max(1, duration.toMillis() * rate / 1000);
    }

    long intervalNanos() {
        return 1_000_000_000L / rate;
    }
}
