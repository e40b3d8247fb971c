package dev.ringlab.cluster;

import dev.ringlab.ring.Server;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seam between the cluster and where replicas run (simulation, local processes, Docker).
 * Every method may block; callers keep it off the FX thread and off the request hot path.
 */
public interface Backend extends AutoCloseable {

    BackendKind kind();

    /** Starts a replica of {@code server} and returns once it exists; it may not answer yet. */
    Replica start(Server server);

    /** Stops a replica gracefully and releases what it held. */
    void stop(Replica replica);

    /** Ends a replica at once, like a crash (SIGKILL); the health monitor is what notices. */
    void kill(Replica replica);

    /**
     * Freezes a replica without ending it, like a hung server: a process gets SIGSTOP, a container is
     * paused. It keeps its sockets, so connections are accepted by the kernel and then never answered.
     */
    default void freeze(Replica replica) {
        throw new BackendException("the " + kind().label() + " backend cannot freeze replicas");
    }

    /** Undoes {@link #freeze}: SIGCONT, {@code docker unpause}. */
    default void thaw(Replica replica) {
        throw new BackendException("the " + kind().label() + " backend cannot thaw replicas");
    }

    /** Sets (or with {@link Fault#NONE} clears) a replica's latency and error rate on {@code /home}; HTTP replicas take it on {@code POST /fault}. */
    default void fault(Replica replica, Fault fault) {
        fault.sendTo(replica);
    }

    /** The replicas this backend started that still exist. */
    List<Replica> list();

    /** How to send requests to this backend's replicas. */
    ReplicaClient client();

    /** One heartbeat: true when the replica answered {@code /heartbeat} with 200. */
    default boolean heartbeat(Replica replica) {
        try {
            return client().get(replica, "/heartbeat").status() == 200;
        } catch (ReplicaUnreachableException unreachable) {
            return false;
        }
    }

    /**
     * How the replica ended ("exited with code 137"), when the backend knows it has ended; empty while
     * it runs or when the backend cannot tell. Lets a start that is waiting for the first heartbeat
     * stop waiting the moment its replica dies.
     */
    default java.util.Optional<String> ended(Replica replica) {
        return java.util.Optional.empty();
    }

    /**
     * Whether the backend itself answers (the Docker engine is up); a backend that is always there
     * says true. The cluster asks after a failed start, to tell "the engine is gone" once rather than
     * report every retry.
     */
    default boolean answers() {
        return true;
    }

    /**
     * Asks to be told when a replica ends without being stopped (crashed, killed from outside), as
     * soon as the backend knows; heartbeats stay the safety net. Backends that cannot tell sooner
     * than heartbeats do nothing. Closing the result stops the watch.
     */
    default AutoCloseable watchDeaths(Consumer<Replica> onDeath) {
        return () -> { };
    }

    /**
     * Ends what runs of this kind left behind when their RingLab died (kill -9, a crash): replica
     * processes, containers, networks; never anything of a run whose owner still lives. Returns how
     * many replicas it ended. The lab's one reaper calls it when a lab opens.
     */
    default int reapDeadRuns() {
        return 0;
    }

    /**
     * Why servers cannot be added, removed or killed through this backend (it follows a membership
     * someone else owns), or empty when they can. The cluster refuses such changes before doing anything.
     */
    default Optional<String> membershipOwnedElsewhere() {
        return Optional.empty();
    }

    /** Stops every replica this backend started. */
    @Override
    void close();
}
