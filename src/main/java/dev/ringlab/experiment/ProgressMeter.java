package dev.ringlab.experiment;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the sending threads did and hands a {@link Progress} to the listener at most every
 * {@link #INTERVAL}: whichever thread crosses the deadline first reports, so no extra thread runs.
 */
final class ProgressMeter {

    static final Duration INTERVAL = Duration.ofMillis(250);
    /** "Server 2" before "Server 10". */
    private static final Comparator<ServerLoad> BY_NAME = Comparator
            .comparingInt((ServerLoad load) -> load.server().length()).thenComparing(ServerLoad::server);

    private final ProgressListener listener;
    private final long total;
    private final long startedNanos = System.nanoTime();
    private final LongAdder done = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final AtomicLong nextReportNanos = new AtomicLong(startedNanos + INTERVAL.toNanos());
    private final Map<String, LongAdder> stageLoads = new ConcurrentHashMap<>();
    private volatile String stage = "";

    ProgressMeter(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /**
     * A new stage: its per-server, failed and retried counts start from zero, so a status line that
     * names the stage (A-6's "passive health on") gives that stage's figures, as its chart does.
     */
    void stage(String name) {
        stage = name;
        stageLoads.clear();
        failed.reset();
        retried.reset();
    }

    /**
     * Called by a sending thread every few requests with what it did since its last call;
     * {@code answeredBy} holds its requests per server since then (zero entries are skipped).
     */
    void advance(int sent, int failedNow, int retriedNow, Map<String, int[]> answeredBy) {
        answeredBy.forEach((server, count) -> {
            if (count[0] > 0) {
                stageLoads.computeIfAbsent(server, name -> new LongAdder()).add(count[0]);
            }
        });
        done.add(sent);
        if (failedNow > 0) {
            failed.add(failedNow);
        }
        if (retriedNow > 0) {
            retried.add(retriedNow);
        }
        long now = System.nanoTime();
        long due = nextReportNanos.get();
        if (now >= due && nextReportNanos.compareAndSet(due, now + INTERVAL.toNanos())) {
            listener.progress(snapshot(now));
        }
    }

    /** Reports now, whatever the time: at the end of a stage. */
    void report() {
        long now = System.nanoTime();
        nextReportNanos.set(now + INTERVAL.toNanos());
        listener.progress(snapshot(now));
    }

    private Progress snapshot(long now) {
        List<ServerLoad> loads = stageLoads.entrySet().stream()
                .map(entry -> new ServerLoad(entry.getKey(), entry.getValue().sum()))
                .sorted(BY_NAME).toList();
        return new Progress(stage, done.sum(), total, failed.sum(), retried.sum(),
                Duration.ofNanos(now - startedNanos), loads);
    }
}
