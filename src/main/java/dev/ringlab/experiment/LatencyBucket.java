package dev.ringlab.experiment;

/**
 * The requests sent in {@code [startMillis, endMillis)} of a gray-failure run: how many, how many
 * failed (no 2xx answer), how many were retried clockwise, and their latency as a client saw it
 * (median, 99th percentile, worst; 0 when none was sent).
 */
public record LatencyBucket(long startMillis, long endMillis, int sent, int failed, int retried, double p50Ms,
                            double p99Ms, double maxMs) {
}
