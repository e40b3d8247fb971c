package dev.ringlab.balancer;

import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.ring.Server;

/**
 * What became of one request: the slot it hashed to, the server that answered (null if none
 * could), its reply, and how many servers were tried.
 */
public record Dispatch(long key, int slot, Server server, ReplicaReply reply, int attempts) {

    public boolean answered() {
        return reply != null;
    }

    /** Answered, but not by the first server asked. */
    public boolean retried() {
        return attempts > 1;
    }
}
