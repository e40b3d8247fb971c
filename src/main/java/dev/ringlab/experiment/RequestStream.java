package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a fixed list of keys through a testbed, {@code concurrency} requests in flight at once. Lane w
 * sends keys w, w + C, w + 2C, ... one after the other, so the keys sent do not depend on scheduling,
 * and each lane tallies into its own sink, merged by the caller afterwards: no shared state on the
 * sending path but the counters of the progress meter.
 *
 * <p>Over a testbed that {@linkplain Testbed#pipelines() pipelines}, a lane is not a thread: each answer
 * sends the lane's next key from the testbed's own thread, so nothing waits for a thread hand-off.
 * Otherwise, and for paced streams, each lane is a thread that blocks on its request.
 */
final class RequestStream {

    /** Where one sending thread records its deliveries; used by that thread only. */
    interface Sink {
        /** @param sentNanos when the request was sent, from the stream's origin */
        void accept(Delivery delivery, long sentNanos);
    }

    /**
     * Report to the meter every this many requests per lane, so its counters are not contended; fewer
     * when many lanes share the requests, so that progress still comes every few hundred requests.
     */
    private static final int BATCH = 64;
    private static final int REQUESTS_PER_REPORT = 1024;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Logger LOG = LoggerFactory.getLogger(RequestStream.class);

    private final Testbed testbed;
    private final int concurrency;
    private final ProgressMeter meter;
    private final Cancellation cancellation;
    private final int batch;

    RequestStream(Testbed testbed, int concurrency, ProgressMeter meter, Cancellation cancellation) {
        this.testbed = testbed;
        this.concurrency = concurrency;
        this.meter = meter;
        this.cancellation = cancellation;
        this.batch = Math.max(8, Math.min(BATCH, REQUESTS_PER_REPORT / concurrency));
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
        if (intervalNanos == 0 && testbed.pipelines()) {
            sendInFlight(keys, originNanos, made);
            LOG.debug("{} requests answered in {} ms, {} in flight", keys.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos), concurrency);
            return made;
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

    /** Starts every lane, then waits until all have sent their last key, failed, or seen a cancellation. */
    private void sendInFlight(long[] keys, long originNanos, List<? extends Sink> sinks) {
        CountDownLatch finished = new CountDownLatch(concurrency);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int w = 0; w < concurrency; w++) {
            new Lane(keys, w, originNanos, sinks.get(w), finished, failure).run();
        }
        try {
            finished.await();
        } catch (InterruptedException interrupted) {
            cancellation.request();
            Thread.currentThread().interrupt();
            throw new CancellationException("experiment cancelled");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        cancellation.check();
    }

    /**
     * One lane of an in-flight stream: sends a key, and its answer sends the next. An answer that comes
     * back before {@code send} returns is left to the sending loop (the state says which side goes on),
     * so a testbed that answers at once cannot make the lanes recurse.
     */
    private final class Lane {
        private static final int IDLE = 0;
        private static final int SENDING = 1;
        private static final int ANSWERED_INLINE = 2;

        private final long[] keys;
        private final long originNanos;
        private final CountDownLatch finished;
        private final AtomicReference<RuntimeException> failure;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private final LaneTally tally;
        private int next;

        Lane(long[] keys, int first, long originNanos, Sink sink, CountDownLatch finished,
                AtomicReference<RuntimeException> failure) {
            this.keys = keys;
            this.next = first;
            this.originNanos = originNanos;
            this.tally = new LaneTally(sink);
            this.finished = finished;
            this.failure = failure;
        }

        void run() {
            while (true) {
                if (next >= keys.length || failure.get() != null || cancellation.requested()) {
                    tally.flush();
                    finished.countDown();
                    return;
                }
                long sentAt = System.nanoTime() - originNanos;
                long key = keys[next];
                next += concurrency;
                state.set(SENDING);
                testbed.send(key, delivery -> answered(delivery, sentAt));
                if (state.compareAndSet(SENDING, IDLE)) {
                    return; // the answer will come on the testbed's thread and go on from there
                }
            }
        }

        private void answered(Delivery delivery, long sentAt) {
            try {
                tally.record(delivery, sentAt);
            } catch (RuntimeException broken) {
                failure.compareAndSet(null, broken);
            }
            if (!state.compareAndSet(SENDING, ANSWERED_INLINE)) {
                run();
            }
        }
    }

    private void sendShare(long[] keys, int first, long intervalNanos, long originNanos, Sink sink) {
        LaneTally tally = new LaneTally(sink);
        for (int i = first; i < keys.length; i += concurrency) {
            if (intervalNanos > 0) {
                waitUntil(originNanos + i * intervalNanos);
            }
            cancellation.check();
            long sentAt = System.nanoTime() - originNanos;
            tally.record(testbed.send(keys[i]), sentAt);
        }
        tally.flush();
    }

    /** What one lane has sent since it last told the meter, and its sink; used by that lane only. */
    private final class LaneTally {
        private final Sink sink;
        private final Map<String, int[]> answeredBy = new HashMap<>();
        private int sent;
        private int failed;
        private int retried;

        LaneTally(Sink sink) {
            this.sink = sink;
        }

        void record(Delivery delivery, long sentAt) {
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
            if (sent == batch) {
                flush();
            }
        }

        void flush() {
            meter.advance(sent, failed, retried, answeredBy);
            answeredBy.values().forEach(count -> count[0] = 0);
            sent = 0;
            failed = 0;
            retried = 0;
        }
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
