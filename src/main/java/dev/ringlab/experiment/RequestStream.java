package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends a fixed list of keys through a testbed from {@code concurrency} threads. Thread w sends keys
 * w, w + C, w + 2C, ... so the keys sent do not depend on scheduling, and each thread tallies into its
 * own sink, merged by the caller afterwards: no shared state on the sending path but the counters of
 * the progress meter.
 */
final class RequestStream {

    /** Where one sending thread records its deliveries; used by that thread only. */
    interface Sink {
        /** @param sentNanos when the request was sent, from the stream's origin */
        void accept(Delivery delivery, long sentNanos);
    }

    /** Report to the meter every this many requests, so its counters are not contended. */
    private static final int BATCH = 64;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Testbed testbed;
    private final int concurrency;
    private final ProgressMeter meter;
    private final Cancellation cancellation;

    RequestStream(Testbed testbed, int concurrency, ProgressMeter meter, Cancellation cancellation) {
        this.testbed = testbed;
        this.concurrency = concurrency;
        this.meter = meter;
        this.cancellation = cancellation;
    }

    /** Sends every key as fast as the testbed answers. */
    <S extends Sink> List<S> send(long[] keys, Supplier<S> sinks) {
        return send(keys, 0, System.nanoTime(), sinks);
    }

    /**
     * Sends key i at {@code originNanos + i * intervalNanos} (at once when the interval is 0), so a
     * paced stream keeps its rate whatever the number of threads.
     */
    <S extends Sink> List<S> send(long[] keys, long intervalNanos, long originNanos, Supplier<S> sinks) {
        List<S> made = new ArrayList<>(concurrency);
        for (int w = 0; w < concurrency; w++) {
            made.add(sinks.get());
        }
        if (concurrency == 1) {
            sendShare(keys, 0, intervalNanos, originNanos, made.get(0));
            return made;
        }
        int run = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "ringlab-experiment-" + run + "-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> shares = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int first = w;
                S sink = made.get(w);
                shares.add(senders.submit(() -> sendShare(keys, first, intervalNanos, originNanos, sink)));
            }
            for (Future<?> share : shares) {
                await(share);
            }
            return made;
        } finally {
            senders.shutdownNow();
            awaitQuietly(senders);
        }
    }

    private void sendShare(long[] keys, int first, long intervalNanos, long originNanos, Sink sink) {
        int sent = 0;
        int failed = 0;
        int retried = 0;
        Map<String, int[]> answeredBy = new HashMap<>();
        for (int i = first; i < keys.length; i += concurrency) {
            if (intervalNanos > 0) {
                waitUntil(originNanos + i * intervalNanos);
            }
            cancellation.check();
            long sentAt = System.nanoTime() - originNanos;
            Delivery delivery = testbed.send(keys[i]);
            sink.accept(delivery, sentAt);
            sent++;
            if (!delivery.answered()) {
                failed++;
            } else {
                answeredBy.computeIfAbsent(delivery.server(), server -> new int[1])[0]++;
                if (delivery.retried()) {
                    retried++;
                }
            }
            if (sent == BATCH) {
                meter.advance(sent, failed, retried, answeredBy);
                answeredBy.values().forEach(count -> count[0] = 0);
                sent = 0;
                failed = 0;
                retried = 0;
            }
        }
        meter.advance(sent, failed, retried, answeredBy);
    }

    private void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            cancellation.check();
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    private void await(Future<?> share) {
        try {
            share.get();
        } catch (InterruptedException interrupted) {
            cancellation.request();
            Thread.currentThread().interrupt();
            throw new CancellationException("experiment cancelled");
        } catch (ExecutionException failure) {
            cancellation.request();
            if (failure.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService senders) {
        try {
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
