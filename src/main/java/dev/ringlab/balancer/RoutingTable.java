package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.RingPlacement;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything one request routes by, immutable and read once: the ring snapshot, the placement made
 * for it, and the replica of every server on it. {@link LivePlacement} publishes a new table with
 * one volatile write when the ring or the algorithm changes, so a request never sees a placement of
 * one membership and the addresses of another.
 *
 * <p>{@code complete} is false when a server on the ring had no replica yet: the cluster writes the
 * ring and its replicas one after the other, and a table built between the two writes is used for
 * that request only and built again for the next.
 */
record RoutingTable(RingSnapshot ring, Placement placement, Map<Server, Replica> replicas, boolean complete) {

    static RoutingTable of(Cluster cluster, RingSnapshot ring, Placement placement) {
        Map<Server, Replica> replicas = new HashMap<>();
        boolean complete = true;
        for (Server server : ring.servers()) {
            Replica replica = cluster.replicaOf(server);
            if (replica == null) {
                complete = false;
            } else {
                replicas.put(server, replica);
            }
        }
        return new RoutingTable(ring, placement, Map.copyOf(replicas), complete);
    }

    RoutingTable withPlacement(Placement next) {
        return new RoutingTable(ring, next, replicas, complete);
    }

    boolean isEmpty() {
        return placement.isEmpty();
    }

    /**
     * The placement's choice for {@code key}, counted as in flight on it (bounded loads) until released.
     * On the ring, its own O(1) slot lookup, as before placements existed; {@code slot} is the key's
     * slot when the caller already hashed it, else -1.
     */
    Server acquire(long key, int slot) {
        if (placement instanceof RingPlacement onRing && onRing.snapshot() == ring) {
            return ring.ownerOfSlot(slot >= 0 ? slot : ring.slotOf(key));
        }
        return placement.acquire(key);
    }

    /** The replica serving {@code server}, or null when it has none. */
    Replica replicaOf(Server server) {
        return replicas.get(server);
    }
}
