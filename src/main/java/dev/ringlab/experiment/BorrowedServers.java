package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Servers an experiment borrows from their owner — the window's cluster, a balancer reached with
 * {@code --target} — and gives back exactly: the same server names, the same ring. Each testbed is
 * shaped from the owner's own servers (the first N of them, then new ones), so two runs of the same
 * N see the same names (A-4's two hashes pair up), and each testbed's close puts the owner's servers
 * back: the ones the run removed or killed return under their names and weights, the ones it added leave.
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

    BorrowedServers(Membership membership) {
        this.membership = membership;
    }

    /** The owner's servers, as they were when the first testbed opened. */
    synchronized List<String> owners() {
        if (owners == null) {
            weights = java.util.Map.copyOf(membership.weights());
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
