package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * the workload sent at {@code rate} requests per second to {@code servers} servers; after
 * {@code killAfter} the server {@code victim} is crashed (null: the second server to join, as the
 * original stopped {@code server_2}; {@link #BUSIEST}: the one most of the workload's keys route to,
 * which shows the lesson best and is what the window kills unless told otherwise). Requests are tallied per {@code bucket}; after the stream the run
 * waits up to {@code settle} for the replacement, so the timeline is complete.
 */
public record FailoverParameters(RingConfig ring, int servers, Workload workload, int rate, Duration killAfter,
                                 String victim, Duration bucket, Duration settle) {

    public static final int DEFAULT_SERVERS = 3;
    public static final int DEFAULT_RATE = 2_500;
    public static final Duration DEFAULT_KILL_AFTER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BUCKET = Duration.ofMillis(100);
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);
    public static final int MAX_RATE = 1_000_000;
    /** The victim that names no server but the busiest one. */
    public static final String BUSIEST = "busiest";

    public FailoverParameters {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(killAfter, "killAfter");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(settle, "settle");
        ScalingParameters.checkServers("servers", servers, ring);
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException("rate must be between 1 and " + MAX_RATE + " requests/s, got " + rate);
        }
        if (bucket.toMillis() < 1) {
            throw new IllegalArgumentException("bucket must be at least 1 ms, got " + bucket.toMillis() + " ms");
        }
        if (killAfter.isNegative()) {
            throw new IllegalArgumentException("kill-after must not be negative");
        }
        Duration stream = Duration.ofNanos((long) workload.requests() * 1_000_000_000L / rate);
        if (killAfter.compareTo(stream) >= 0) {
            throw new IllegalArgumentException("the kill after " + killAfter.toMillis() + " ms would come after the last "
                    + "request: " + workload.requests() + " requests at " + rate + "/s take " + stream.toMillis() + " ms");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative");
        }
    }

    /** The defaults of the original analysis with the given ring, servers and workload. */
    public static FailoverParameters of(RingConfig ring, int servers, Workload workload) {
        return new FailoverParameters(ring, servers, workload, DEFAULT_RATE, DEFAULT_KILL_AFTER, null, DEFAULT_BUCKET,
                DEFAULT_SETTLE);
    }

    long intervalNanos() {
        return 1_000_000_000L / rate;
    }
}
