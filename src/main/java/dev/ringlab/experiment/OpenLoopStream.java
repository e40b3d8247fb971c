package dev.ringlab.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced stream that does not wait for answers: key i leaves at {@code origin + i * interval} whatever
 * the requests before it are doing, as real clients do. A closed loop (each lane waiting for its last
 * answer, {@link RequestStream}) would send less while a frozen server holds requests, and so hide the
 * very latency a gray-failure lesson is about (coordinated omission). A testbed that
 * {@linkplain Testbed#pipelines() pipelines} is called from the pacing thread; otherwise each request
 * gets a pooled thread of its own (at most {@link #MAX_THREADS}; beyond that the pacing thread sends
 * itself and falls behind, which the reached rate then shows).
 */
final class OpenLoopStream {

    /**
     * One request: when it left (from the origin), the server that owned its key then (null when the
     * ring cannot be seen), how long it took and what became of it.
     */
    record Sample(long sentNanos, String owner, Delivery delivery) {

        /** Not answered with a 2xx: what every count of failed requests of a stream means, live and final. */
        boolean failed() {
            return !delivery.ok();
        }

        /** Answered by a server other than the first one asked. */
        boolean retried() {
            return delivery.retried();
        }
    }

    static final int MAX_THREADS = 1024;
    private static final int WARM_UP = 100;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Testbed testbed;
    private final ProgressMeter meter;
    private final Cancellation cancellation;

    OpenLoopStream(Testbed testbed, ProgressMeter meter, Cancellation cancellation) {
        this.testbed = testbed;
        this.meter = meter;
        this.cancellation = cancellation;
    }

    /**
     * Sends every key on its schedule and waits for the answers, at most {@code grace} after the last
     * one left; a request still out then counts as failed (no answer). Blocking; cancellable.
     */
    List<Sample> send(long[] keys, long intervalNanos, long originNanos, Duration grace,
                      java.util.function.LongFunction<String> ownerOf) {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(keys.length);
        int run = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor senders = new ThreadPoolExecutor(0, MAX_THREADS, 5, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "ringlab-open-loop-" + run + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        long[] sentAt = new long[keys.length];
        String[] owners = new String[keys.length];
        java.util.concurrent.atomic.AtomicIntegerArray done = new java.util.concurrent.atomic.AtomicIntegerArray(keys.length);
        testbed.streamStarts(originNanos);
        try {
            for (int i = 0; i < keys.length; i++) {
                waitUntil(originNanos + i * intervalNanos);
                long key = keys[i];
                int index = i;
                owners[i] = ownerOf.apply(key);
                sentAt[i] = System.nanoTime() - originNanos;
                if (testbed.pipelines()) {
                    testbed.send(key, delivery -> record(samples, answered, done, index, sentAt[index], owners[index], delivery));
                } else {
                    senders.execute(() -> record(samples, answered, done, index, sentAt[index], owners[index], testbed.send(key)));
                }
            }
            long deadline = System.nanoTime() + grace.toNanos();
            while (!answered.await(50, TimeUnit.MILLISECONDS)) {
                cancellation.check();
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            cancellation.request();
            Thread.currentThread().interrupt();
            throw new CancellationException("experiment cancelled");
        } finally {
            senders.shutdownNow();
        }
        List<Sample> late = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            // Still out after the grace: a client would have given up on it. Claimed here, so a late
            // answer can no longer add it twice.
            if (done.compareAndSet(i, 0, 1)) {
                late.add(new Sample(sentAt[i], owners[i], new Delivery(keys[i], -1, null, 0, grace.toNanos(), 1)));
            }
        }
        // counted where the answered ones are, so the progress (the window's status line) ends on the run's figures
        meter.advance(late.size(), late.size(), 0, Map.of());
        List<Sample> all = new ArrayList<>(samples);
        all.addAll(late);
        return all;
    }

    private void record(ConcurrentLinkedQueue<Sample> samples, CountDownLatch answered,
                        java.util.concurrent.atomic.AtomicIntegerArray done, int index, long sentNanos, String owner,
                        Delivery delivery) {
        if (!done.compareAndSet(index, 0, 1)) {
            return;
        }
        Sample sample = new Sample(sentNanos, owner, delivery);
        samples.add(sample);
        meter.advance(1, sample.failed() ? 1 : 0, sample.retried() ? 1 : 0,
                delivery.server() == null ? Map.of() : Map.of(delivery.server(), new int[] {1}));
        answered.countDown();
    }

    /**
     * A few requests before the clock starts, not counted: class loading, the first connections and a
     * replica's first answers (a fresh replica process under load answers its first requests slower
     * than a per-try timeout, which would show as retries before any fault).
     */
    static void warmUp(Testbed testbed, long[] keys) {
        for (int i = 0; i < Math.min(WARM_UP, keys.length); i++) {
            testbed.send(keys[i]);
        }
    }

    private void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            cancellation.check();
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }
}
