package dev.ringlab.experiment;

import java.util.concurrent.CancellationException;

/** A run's stop flag: set by {@code cancel()} from any thread, or by interrupting the running thread. */
final class Cancellation {

    private volatile boolean requested;

    void request() {
        requested = true;
    }

    boolean requested() {
        return requested || Thread.currentThread().isInterrupted();
    }

    /** Throws when the run should stop; called between requests and between stages. */
    void check() {
        if (requested()) {
            requested = true;
            throw new CancellationException("experiment cancelled");
        }
    }
}
