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

    /**
     * Adds {@code n} servers as the classic {@code /add} does: the {@code hostnames} first, then generated
     * names, each of the weight at its place in {@code weights} (1 past its end); returns once they are on
     * the ring. A testbed that can only add by count refuses names and weights.
     */
    default void add(int n, List<String> hostnames, List<Integer> weights) {
        if (!hostnames.isEmpty() || weights.stream().anyMatch(weight -> weight != 1)) {
            throw new TestbedException("this testbed can only add servers by count, not " + hostnames + " weighing "
                    + weights);
        }
        add(n);
    }

    /** Removes {@code n} servers, the most recently joined first. */
    void remove(int n);

    /** Adds servers under these names and returns once they are on the ring. */
    void addNamed(List<String> names);

    /**
     * Adds servers under these names with these weights (one each, in order) and returns once they are on
     * the ring. By default the weights are left to the cluster, which readmits a server with the weight it
     * left with.
     */
    default void addNamed(List<String> names, List<Integer> weights) {
        addNamed(names);
    }

    /** Each server's weight (capacity) by name, for the servers on the ring now; all 1 unless told otherwise. */
    default java.util.Map<String, Integer> weights() {
        java.util.Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        servers().forEach(name -> weights.put(name, 1));
        return weights;
    }

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
     * Holds the replacement of servers declared dead ({@code true}): they stay dead, off the ring, until
     * released ({@code false}), which starts every replacement held. Only testbeds that own their cluster can.
     */
    default void holdReplacements(boolean hold) {
        throw new TestbedException("this testbed cannot hold replacements");
    }

    /**
     * New servers' generated names count on from the highest id in use, as in a fresh lab (after Server
     * 1..3, Server 4). Testbeds that do not own their cluster leave the naming to it.
     */
    default void countIdsOnFromHighest() {
    }

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

    /** Adds {@code latencyMs} to every {@code /home} of the named server (0 clears it); heartbeats stay prompt. */
    default void slow(String server, long latencyMs) {
        fault(server, new dev.ringlab.cluster.Fault(latencyMs, 0));
    }

    /** Takes every fault off a server: thaws it if frozen, then clears latency and errors. */
    default void clear(String server) {
        throw new TestbedException("this testbed cannot clear a server's faults");
    }

    /**
     * The faults injected into the servers now, by name: frozen, or slowed or failing. A server without
     * one is absent. Testbeds that cannot see faults report none, so there is nothing to give back.
     */
    default java.util.Map<String, ServerFault> faults() {
        return java.util.Map.of();
    }

    /** A server's injected fault: frozen, and the latency and error rate on {@code /home}. */
    record ServerFault(boolean frozen, dev.ringlab.cluster.Fault fault) {
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
