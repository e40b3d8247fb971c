package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Servers an experiment borrows from their owner — the window's cluster, a balancer reached with
 * {@code --target} — and gives back exactly: the same server names, the same ring. Each testbed is
 * shaped from the owner's own servers (the first N of them, then new ones), so two runs of the same
 * N see the same names (A-4's two hashes pair up), and each testbed's close puts the owner's servers
 * back: the ones the run removed or killed return under their names and weights, the ones it added leave,
 * and each server's injected faults (A-6 freezes and slows) are as the owner had set them.
 */
final class BorrowedServers {

    /** Changes the ring's shape; called while the fewest servers are on it, so they always fit. */
    interface Reshape {
        void apply();
    }

    private final Membership membership;
    private List<String> owners;
    /** The owner's weights when the first testbed opened; a server that returns gets its own back. */
    private java.util.Map<String, Integer> weights;
    /** The owner's own faults when the first testbed opened: a run's faults go, the owner's stay. */
    private java.util.Map<String, Membership.ServerFault> faults;

    BorrowedServers(Membership membership) {
        this.membership = membership;
    }

    /** The owner's servers, as they were when the first testbed opened. */
    synchronized List<String> owners() {
        if (owners == null) {
            weights = java.util.Map.copyOf(membership.weights());
            faults = java.util.Map.copyOf(membership.faults());
            owners = List.copyOf(membership.servers());
        }
        return owners;
    }

    /** The first {@code n} of the owner's servers, then generated ones, on the ring {@code reshape} makes. */
    void shape(int n, Reshape reshape) {
        List<String> keep = owners().subList(0, Math.min(n, owners().size()));
        settle(keep, reshape);
        if (n > keep.size()) {
            membership.add(n - keep.size());
        }
    }

    /** The owner's servers again, under their names, on the ring {@code reshape} gives back. */
    void restore(Reshape reshape) {
        settle(owners(), reshape);
        giveBackFaults();
    }

    /**
     * The owner's cluster as {@code giveBack} puts it back exactly (ids, ring, algorithm: a {@link ClusterLoan}),
     * then the owner's faults on it.
     */
    void restoreExactly(Runnable giveBack) {
        owners();
        giveBack.run();
        giveBackFaults();
    }

    private void giveBackFaults() {
        java.util.Map<String, Membership.ServerFault> now = membership.faults();
        java.util.Set<String> touched = new java.util.LinkedHashSet<>(now.keySet());
        touched.addAll(faults.keySet());
        for (String server : touched) {
            Membership.ServerFault owned = faults.get(server);
            if (java.util.Objects.equals(owned, now.get(server)) || !membership.servers().contains(server)) {
                continue;
            }
            try {
                membership.clear(server);
                if (owned != null) {
                    membership.fault(server, owned.fault());
                    if (owned.frozen()) {
                        membership.freeze(server);
                    }
                }
            } catch (TestbedException gone) {
                // a server that died meanwhile has no fault left to give back
            }
        }
    }

    private void settle(List<String> wanted, Reshape reshape) {
        List<String> extra = new ArrayList<>(membership.servers());
        extra.removeAll(wanted);
        if (!extra.isEmpty()) {
            membership.removeNamed(extra);
        }
        reshape.apply();
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(membership.servers());
        if (!missing.isEmpty()) {
            membership.addNamed(missing, missing.stream().map(name -> weights.getOrDefault(name, 1)).toList());
        }
    }
}
