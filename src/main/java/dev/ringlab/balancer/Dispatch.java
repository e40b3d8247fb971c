package dev.ringlab.balancer;

import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;

/**
 * What became of one request: the slot it hashed to on the ring, the server that answered (null if
 * none could), its reply, how many servers were tried, and the placement algorithm that chose them.
 */
public record Dispatch(long key, int slot, Server server, ReplicaReply reply, int attempts, Algorithm algorithm) {

    public boolean answered() {
        return reply != null;
    }

    /** Answered, but not by the first server asked. */
    public boolean retried() {
        return attempts > 1;
    }
}
