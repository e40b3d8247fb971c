package dev.ringlab.experiment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the sending threads did and hands a {@link Progress} to the listener at most every
 * {@link #INTERVAL}: whichever thread crosses the deadline first reports, so no extra thread runs.
 */
final class ProgressMeter {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private final ProgressListener listener;
    private final long total;
    private final long startedNanos = System.nanoTime();
    private final LongAdder done = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final AtomicLong nextReportNanos = new AtomicLong(startedNanos + INTERVAL.toNanos());
    private volatile String stage = "";

    ProgressMeter(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    void stage(String name) {
        stage = name;
    }

    /** Called by a sending thread every few requests with what it did since its last call. */
    void advance(int sent, int failedNow, int retriedNow) {
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
        return new Progress(stage, done.sum(), total, failed.sum(), retried.sum(),
                Duration.ofNanos(now - startedNanos));
    }
}
