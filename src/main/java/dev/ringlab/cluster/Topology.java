package dev.ringlab.cluster;

import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.Map;

/**
 * What the cluster serves at one moment: the ring snapshot and the replica of every server on it that
 * is up. The cluster publishes a new one with one volatile write whenever either changes, so a request
 * that reads it routes by one membership's ring and that membership's replica addresses.
 */
public record Topology(RingSnapshot ring, Map<Server, Replica> replicas) {

    public Topology {
        replicas = Map.copyOf(replicas);
    }

    /** The replica serving {@code server}, or null when it is not up. */
    public Replica replicaOf(Server server) {
        return replicas.get(server);
    }
}
