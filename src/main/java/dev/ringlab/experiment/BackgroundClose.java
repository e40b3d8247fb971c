package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Testbeds that stop behind the caller's back: a headless run prints its table and writes its PNG and
 * CSV while the last testbed's replicas stop, instead of after (stopping three containers takes about
 * 0.25 s side by side, about what the PNG takes; docs/performance.md). Runs never overlap: the next
 * {@link #open} waits for the previous testbed to be gone, so A-2's testbeds keep their order, names
 * and ports. {@link #close()} waits for the last one and passes on its failure, so nothing outlives the
 * command.
 */
public final class BackgroundClose implements TestbedFactory, AutoCloseable {

    private final TestbedFactory testbeds;
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

    public BackgroundClose(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    @Override
    public Testbed open(RingConfig ring, int servers) {
        awaitClosed();
        return new Behind(testbeds.open(ring, servers));
    }

    /** Waits until the last testbed opened here has stopped, and rethrows what its close threw. */
    @Override
    public void close() {
        awaitClosed();
    }

    private void awaitClosed() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = closing;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    last.get();
                    return;
                } catch (InterruptedException again) {
                    interrupted = true; // the replicas must be gone before this returns, whatever the caller wants
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof RuntimeException runtime ? runtime
                            : new TestbedException("could not stop the testbed: " + failed.getCause(), failed.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void closeBehind(Testbed testbed) {
        closing = CompletableFuture.runAsync(testbed::close, runnable -> {
            Thread thread = new Thread(runnable, "ringlab-testbed-close");
            thread.start(); // not a daemon: the JVM does not end halfway through stopping replicas
        });
    }

    /** The testbed as it was, but for a close that returns at once. */
    private final class Behind extends ForwardingTestbed {

        private final AtomicBoolean closed = new AtomicBoolean();

        Behind(Testbed testbed) {
            super(testbed);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                closeBehind(testbed);
            }
        }
    }
}
