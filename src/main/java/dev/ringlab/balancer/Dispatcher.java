package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.ReplicaUnreachableException;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.RingPlacement;
import java.util.List;

/**
 * Routes a request key to its server by the current placement (the ring unless another algorithm
 * was chosen) and sends it there; when that server does not answer, tries the placement's next
 * choices (clockwise on the ring), so a crashed replica costs the client nothing while the health
 * monitor catches up. The HTTP balancer and the in-memory experiments share this path. A request
 * counts as in flight on its server while it is forwarded, which is what bounded loads balances.
 */
public final class Dispatcher {

    private final Cluster cluster;
    private final ReplicaClient client;
    private final LivePlacement placement;

    public Dispatcher(Cluster cluster, ReplicaClient client) {
        this(cluster, client, LivePlacement.ring(cluster));
    }

    public Dispatcher(Cluster cluster, ReplicaClient client, LivePlacement placement) {
        this.cluster = cluster;
        this.client = client;
        this.placement = placement;
    }

    /** The placement requests are routed by; switch algorithms through it. */
    public LivePlacement placement() {
        return placement;
    }

    public Dispatch dispatch(long key, String pathAndQuery) {
        RingSnapshot ring = cluster.ring();
        int slot = ring.slotOf(key);
        Placement current = placement.current();
        if (current.isEmpty()) {
            return new Dispatch(key, slot, null, null, 0, current.algorithm());
        }
        // The ring's own path when routing by the ring: the slot is hashed once, as before placements existed.
        Server owner = current instanceof RingPlacement onRing && onRing.snapshot() == ring
                ? ring.ownerOfSlot(slot) : current.acquire(key);
        try {
            Replica replica = cluster.replicaOf(owner);
            if (replica != null) {
                try {
                    return new Dispatch(key, slot, owner, client.get(replica, pathAndQuery), 1, current.algorithm());
                } catch (ReplicaUnreachableException unreachable) {
                    // fall through to the next choices
                }
            }
        } finally {
            current.release(owner);
        }
        return fallBack(current, key, slot, owner, pathAndQuery);
    }

    private Dispatch fallBack(Placement current, long key, int slot, Server owner, String pathAndQuery) {
        List<Server> next = current.preferenceOrder(key);
        int attempts = 1;
        for (Server server : next) {
            if (server.equals(owner)) {
                continue;
            }
            Replica replica = cluster.replicaOf(server);
            if (replica == null) {
                continue;
            }
            attempts++;
            try {
                return new Dispatch(key, slot, server, client.get(replica, pathAndQuery), attempts, current.algorithm());
            } catch (ReplicaUnreachableException unreachable) {
                // next one
            }
        }
        return new Dispatch(key, slot, null, null, attempts, current.algorithm());
    }
}
