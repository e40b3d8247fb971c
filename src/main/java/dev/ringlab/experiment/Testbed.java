package dev.ringlab.experiment;

import java.util.function.Consumer;

/**
 * Where an experiment sends its requests: an in-process cluster, a balancer over HTTP, an embedded
 * balancer over real replicas. Runners only see this seam, so a new kind of testbed needs no change
 * to them. Implementations are safe to call {@link #send} from several threads at once.
 */
public interface Testbed extends AutoCloseable {

    /** One line for the user, e.g. "simulation, in-process dispatcher". */
    String description();

    /** Sends one request for {@code key} and says who answered; never throws for a failed request. */
    Delivery send(long key);

    /**
     * Sends one request for {@code key} and hands what became of it to {@code answered}, exactly once.
     * Testbeds that can keep many requests in flight without a thread each answer later, on a thread
     * of their own, and say so with {@link #pipelines()}; the rest answer before returning.
     */
    default void send(long key, Consumer<Delivery> answered) {
        answered.accept(send(key));
    }

    /**
     * True when {@link #send(long, Consumer)} returns before the answer, so one thread can keep a run's
     * requests in flight; false when each request in flight needs a thread of its own.
     */
    default boolean pipelines() {
        return false;
    }

    /** The servers behind this testbed, for experiments that change them or crash one. */
    Membership membership();

    /**
     * Routes from now on with {@code algorithm} over the same servers (the ring by default). A testbed
     * that does not hold its balancer's placement refuses.
     */
    default void use(dev.ringlab.ring.algorithm.Algorithm algorithm) {
        throw new TestbedException(description() + " cannot switch its placement algorithm");
    }

    /**
     * The route its balancer sends requests along, to set the per-try timeout and passive health
     * and hear ejections. A testbed that reaches its balancer only through its API refuses.
     */
    default dev.ringlab.balancer.FailoverRoute route() {
        throw new TestbedException(description() + " does not hold its balancer's route (try timeout, passive health)");
    }

    /** Sets the heartbeats' fall and rise from now on (flapping); a testbed that does not own them refuses. */
    default void hysteresis(int fall, int rise) {
        throw new TestbedException(description() + " does not own its heartbeats (fall, rise)");
    }

    /**
     * A paced stream's clock starts now, {@code originNanos} ({@link System#nanoTime()}), after its warm-up:
     * a testbed that shows a run live (the window) counts from here, as the run's own charts do.
     */
    default void streamStarts(long originNanos) {
    }

    /** Stops whatever the testbed started. */
    @Override
    void close();
}
