package dev.ringlab.experiment;

import dev.ringlab.cluster.ClusterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run has done so far, counted as its requests come back: per server for the load charts, per
 * time bucket and with the kill, detection and replacement times for the A-3 timeline. The sending
 * threads write, a window reads a few times per second to redraw an analysis's live chart; the
 * runner's own result replaces it when the run ends. No UI toolkit here: the window wraps the chart.
 */
public final class LiveTally {

    static final long BUCKET_MILLIS = 100;

    private static final class Bucket {
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder retried = new LongAdder();
        /** Client latencies in ns, for the percentiles of a gray-failure chart; guarded by itself. */
        final java.util.List<Long> latencies = new ArrayList<>();
    }

    private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final List<TimelineEvent> events = new ArrayList<>();
    private volatile long originNanos;
    private volatile java.time.Instant originInstant;
    private volatile String stage = "";
    /** A paced stream's requests by when they left (A-6, flapping), from its own origin; null for other runs. */
    private volatile java.util.Queue<OpenLoopStream.Sample> stream;
    private String victim;
    private Double killedAt;
    private Double detectedAt;
    private Double replacedAt;
    private String replacement;

    /** Starts counting afresh, e.g. for the next N of A-2. */
    public synchronized void reset(String nextStage) {
        served.clear();
        buckets.clear();
        sent.reset();
        failed.reset();
        retried.reset();
        events.clear();
        originNanos = 0;
        stream = null;
        stage = nextStage;
        victim = null;
        killedAt = null;
        detectedAt = null;
        replacedAt = null;
        replacement = null;
    }

    public String stage() {
        return stage;
    }

    /**
     * A paced stream begins at {@code streamOriginNanos}: counting starts afresh there (its warm-up and
     * the run before it are left out), and its requests are kept by when they left, so the live chart
     * has the final chart's clock (time since the first request) and its buckets.
     */
    public synchronized void startStream(long streamOriginNanos) {
        reset(stage);
        originInstant = java.time.Instant.now().minusNanos(System.nanoTime() - streamOriginNanos);
        originNanos = streamOriginNanos;
        stream = new java.util.concurrent.ConcurrentLinkedQueue<>();
    }

    public void record(Delivery delivery) {
        long now = System.nanoTime();
        if (originNanos == 0) {
            synchronized (this) {
                if (originNanos == 0) {
                    originInstant = java.time.Instant.now();
                    originNanos = now;
                }
            }
        }
        Bucket bucket = buckets.computeIfAbsent((now - originNanos) / 1_000_000 / BUCKET_MILLIS, index -> new Bucket());
        bucket.sent.increment();
        sent.increment();
        if (delivery.ok()) {
            bucket.ok.increment();
        } else {
            bucket.failed.increment();
        }
        synchronized (bucket.latencies) {
            bucket.latencies.add(delivery.latencyNanos());
        }
        if (delivery.retried()) {
            bucket.retried.increment();
            retried.increment();
        }
        java.util.Queue<OpenLoopStream.Sample> paced = stream;
        if (paced != null) {
            paced.add(new OpenLoopStream.Sample(now - delivery.latencyNanos() - originNanos, delivery.server(), delivery));
        }
        if (delivery.answered()) {
            served.computeIfAbsent(delivery.server(), name -> new LongAdder()).increment();
        } else {
            failed.increment();
        }
    }

    /** Cluster events while the run goes: the A-3 timeline's markers. */
    public synchronized void record(ClusterEvent event) {
        if (originNanos == 0) {
            return;
        }
        if (event instanceof ClusterEvent.RingChanged) {
            // A new N or a server gone: the bars count the servers of the ring as it is now.
            served.clear();
        }
        double at = millisSinceOrigin(event);
        if (event instanceof ClusterEvent.MemberKilled killed && victim == null) {
            victim = killed.server().name();
            killedAt = at;
            events.add(new TimelineEvent(at, "killed", victim, event.describe()));
        } else if (event instanceof ClusterEvent.MemberDead dead && dead.server().name().equals(victim)
                && detectedAt == null) {
            detectedAt = at;
            events.add(new TimelineEvent(at, "detected", victim, dead.reason()));
        } else if (event instanceof ClusterEvent.MemberUp up && up.replaces() != null
                && up.replaces().name().equals(victim) && replacedAt == null) {
            replacedAt = at;
            replacement = up.member().server().name();
            events.add(new TimelineEvent(at, "up", replacement, "replaces " + victim));
        } else if (event instanceof ClusterEvent.MemberFaulted faulted) {
            // A-6 and flapping: a freeze, a thaw, a slow-down, drawn on their live charts.
            events.add(new TimelineEvent(at, faulted.what().equals("frozen") || faulted.what().equals("thawed")
                    ? faulted.what() : "slowed", faulted.server().name(), faulted.what()));
        } else if (event instanceof ClusterEvent.MemberDead dead) {
            events.add(new TimelineEvent(at, "dead", dead.server().name(), dead.reason()));
        } else if (event instanceof ClusterEvent.MemberUp up && up.replaces() != null) {
            events.add(new TimelineEvent(at, "replaced", up.member().server().name(), "replaces " + up.replaces().name()));
        }
    }

    private double millisSinceOrigin(ClusterEvent event) {
        return java.time.Duration.between(originInstant, event.at()).toNanos() / 1e6;
    }

    /** Requests per server so far, in the order given (servers not yet answering count 0). */
    public List<ServerLoad> loads(List<String> servers) {
        List<ServerLoad> loads = new ArrayList<>();
        for (String server : servers) {
            LongAdder count = served.get(server);
            loads.add(new ServerLoad(server, count == null ? 0 : count.sum()));
        }
        served.forEach((server, count) -> {
            if (!servers.contains(server)) {
                loads.add(new ServerLoad(server, count.sum()));
            }
        });
        return loads;
    }

    /** Requests sent since the last {@link #reset}, answered or not. */
    public long sent() {
        return sent.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long retried() {
        return retried.sum();
    }

    /**
     * The buckets that are complete, gaps included, so the timeline's x axis is time. The one still
     * filling is left out: drawn, it would show as a drop in throughput at the end of every live chart.
     */
    public List<TimeBucket> buckets() {
        long origin = originNanos;
        long filling = origin == 0 ? 0 : (System.nanoTime() - origin) / 1_000_000 / BUCKET_MILLIS;
        long last = buckets.keySet().stream().mapToLong(Long::longValue).filter(index -> index < filling).max()
                .orElse(-1);
        List<TimeBucket> list = new ArrayList<>();
        for (long index = 0; index <= last; index++) {
            Bucket bucket = buckets.get(index);
            long start = index * BUCKET_MILLIS;
            list.add(bucket == null ? new TimeBucket(start, start + BUCKET_MILLIS, 0, 0, 0, 0)
                    : new TimeBucket(start, start + BUCKET_MILLIS, (int) bucket.sent.sum(), (int) bucket.ok.sum(),
                            (int) bucket.failed.sum(), (int) bucket.retried.sum()));
        }
        return list;
    }

    /**
     * A paced stream's requests so far in buckets of {@code bucketMillis} by when they left, as the run's
     * final chart has them; the bucket still being sent is left out. Empty before a stream starts.
     */
    public List<LatencyBucket> streamBuckets(long bucketMillis) {
        java.util.Queue<OpenLoopStream.Sample> paced = stream;
        if (paced == null) {
            return List.of();
        }
        long sending = (System.nanoTime() - originNanos) / 1_000_000 / bucketMillis;
        return GrayFailureExperiment.buckets(List.copyOf(paced), bucketMillis).stream()
                .filter(bucket -> bucket.startMillis() / bucketMillis < sending).toList();
    }

    public synchronized String victim() {
        return victim;
    }

    public synchronized String replacement() {
        return replacement;
    }

    public synchronized Double killedAt() {
        return killedAt;
    }

    public synchronized Double detectedAt() {
        return detectedAt;
    }

    public synchronized Double replacedAt() {
        return replacedAt;
    }

    public synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }
}
