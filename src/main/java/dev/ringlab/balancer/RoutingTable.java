package dev.ringlab.balancer;

import dev.ringlab.cluster.Topology;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.RingPlacement;

/**
 * Everything one request routes by, immutable and read once: the cluster's {@link Topology} (ring
 * snapshot and the replica of every server on it, which the cluster publishes together in one
 * volatile write) and the placement made for that ring. {@link LivePlacement} publishes a new table
 * with one volatile write when the topology or the algorithm changes, so a request never sees a
 * placement of one membership and the addresses of another.
 */
record RoutingTable(Topology topology, Placement placement) {

    RingSnapshot ring() {
        return topology.ring();
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
        RingSnapshot ring = topology.ring();
        if (placement instanceof RingPlacement onRing && onRing.snapshot() == ring) {
            return ring.ownerOfSlot(slot >= 0 ? slot : ring.slotOf(key));
        }
        return placement.acquire(key);
    }

    /** The replica serving {@code server}, or null when it has none. */
    Replica replicaOf(Server server) {
        return topology.replicaOf(server);
    }
}
