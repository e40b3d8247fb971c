package dev.ringlab.experiment;

import java.util.List;

/**
 * One A-6 run, passive health off or on: the requests per time bucket, the events (frozen, slowed,
 * ejected, returned, declared dead, replaced) and what they add up to.
 *
 * @param frozenEjectedMs     when passive health first ejected the frozen server, from the first request (null: never)
 * @param frozenDeadMs        when the heartbeats declared it dead (null: never)
 * @param slowEjectedMs       when passive health first ejected the slow server (null: never)
 * @param slowDeadMs          when the heartbeats declared the slow server dead (null: never, the lesson)
 * @param frozenCostEndsMs    from the freeze to the last request for a key of the frozen server (on the ring
 *                            when it left) that waited a good part of a try timeout or more (null: none did)
 * @param slowCostEndsMs      the same from the slow-down, for keys of the slow server (null: none)
 * @param costlyFrozen        requests for the frozen server's keys that paid for it: tried there and sent on
 *                            clockwise, or kept a whole try timeout
 * @param costlySlow          requests for the slow server's keys that paid for it: tried there and sent on, or
 *                            kept for its added latency
 */
public record GrayRun(String label, boolean passiveHealth, String frozen, String slowed, List<LatencyBucket> buckets,
                      List<TimelineEvent> events, int sent, int ok, int failed, int retried, int ejections,
                      int returns, Double frozenEjectedMs, Double frozenDeadMs, Double slowEjectedMs,
                      Double slowDeadMs, Double frozenCostEndsMs, Double slowCostEndsMs, int costlyFrozen,
                      int costlySlow, double p50Ms, double p99Ms, double reachedRate) {

    public GrayRun {
        buckets = List.copyOf(buckets);
        events = List.copyOf(events);
    }
}
