package dev.ringlab.experiment;

import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.ring.RingSnapshot;
import java.util.List;
import java.util.function.Consumer;

/**
 * The part of a cluster an experiment changes: grow and shrink it, crash a server and watch
 * the cluster notice. Narrower than {@code Cluster} so a testbed that only reaches a balancer's
 * admin API can offer it too.
 */
public interface Membership {

    /** The names of the servers on the ring now, in the order they joined. */
    List<String> servers();

    /** The current ring, or null when the testbed cannot see it (a remote balancer). */
    RingSnapshot ring();

    /** Adds {@code n} servers with generated names and returns once they are on the ring. */
    void add(int n);

    /** Removes {@code n} servers, the most recently joined first. */
    void remove(int n);

    /** Adds servers under these names and returns once they are on the ring. */
    void addNamed(List<String> names);

    /** Removes the servers of these names. */
    void removeNamed(List<String> names);

    /**
     * Rebuilds the ring with the same servers under a new shape (hash, slots, virtual nodes, probing),
     * as a scenario does to show the same keys on 1, 9 and 100 virtual nodes.
     */
    void reshape(dev.ringlab.ring.RingConfig ring);

    /** Crashes the named server without telling the cluster; returns the server's name. */
    String kill(String server);

    /**
     * Freezes the named server's replica (a hung server that keeps its port). Testbeds that cannot
     * reach their replicas refuse, as do all by default.
     */
    default void freeze(String server) {
        throw new TestbedException("this testbed cannot freeze a server");
    }

    /** Lets a frozen server run again. */
    default void thaw(String server) {
        throw new TestbedException("this testbed cannot thaw a server");
    }

    /** Sets (or with {@link dev.ringlab.cluster.Fault#NONE} clears) a server's added latency and error rate. */
    default void fault(String server, dev.ringlab.cluster.Fault fault) {
        throw new TestbedException("this testbed cannot slow a server");
    }

    /** Takes every fault off a server: thaws it if frozen, then clears latency and errors. */
    default void clear(String server) {
        throw new TestbedException("this testbed cannot clear a server's faults");
    }

    /** Receives every cluster event until the returned handle is closed; the listener must not block. */
    AutoCloseable subscribe(Consumer<ClusterEvent> listener);

    /** Adds or removes servers until exactly {@code n} are on the ring. */
    default void resize(int n) {
        int now = servers().size();
        if (n > now) {
            add(n - now);
        } else if (n < now) {
            remove(now - n);
        }
    }
}
