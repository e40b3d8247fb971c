package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.ReplicaUnreachableException;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;

/**
 * Routes a request key to its server on the current ring and sends it there; when that server does
 * not answer, tries the next servers clockwise, so a crashed replica costs the client nothing while
 * the health monitor catches up. The HTTP balancer and the in-memory experiments share this path.
 */
public final class Dispatcher {

    private final Cluster cluster;
    private final ReplicaClient client;

    public Dispatcher(Cluster cluster, ReplicaClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    public Dispatch dispatch(long key, String pathAndQuery) {
        RingSnapshot ring = cluster.ring();
        int slot = ring.slotOf(key);
        if (ring.isEmpty()) {
            return new Dispatch(key, slot, null, null, 0);
        }
        Server owner = ring.ownerOfSlot(slot);
        Replica replica = cluster.replicaOf(owner);
        if (replica != null) {
            try {
                return new Dispatch(key, slot, owner, client.get(replica, pathAndQuery), 1);
            } catch (ReplicaUnreachableException unreachable) {
                // fall through to the servers clockwise
            }
        }
        return fallBack(ring, key, slot, owner, pathAndQuery);
    }

    private Dispatch fallBack(RingSnapshot ring, long key, int slot, Server owner, String pathAndQuery) {
        List<Server> clockwise = ring.serversClockwiseFrom(slot);
        int attempts = 1;
        for (Server server : clockwise) {
            if (server.equals(owner)) {
                continue;
            }
            Replica replica = cluster.replicaOf(server);
            if (replica == null) {
                continue;
            }
            attempts++;
            try {
                return new Dispatch(key, slot, server, client.get(replica, pathAndQuery), attempts);
            } catch (ReplicaUnreachableException unreachable) {
                // next one
            }
        }
        return new Dispatch(key, slot, null, null, attempts);
    }
}
