package dev.ringlab.cluster;

/** How requests reach the replicas of one backend: over HTTP for real ones, by a call for simulated ones. */
public interface ReplicaClient {

    /** Sends {@code GET pathAndQuery} to the replica; an answer of any status is a reply, no answer throws. */
    ReplicaReply get(Replica replica, String pathAndQuery) throws ReplicaUnreachableException;

    /**
     * As {@link #get(Replica, String)}, giving up after {@code timeoutMillis} (the balancer's per-try
     * timeout). Clients whose own read timeout already bounds the wait keep the default.
     */
    default ReplicaReply get(Replica replica, String pathAndQuery, long timeoutMillis) throws ReplicaUnreachableException {
        return get(replica, pathAndQuery);
    }
}
