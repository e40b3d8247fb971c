package dev.ringlab.cluster;

/** How requests reach the replicas of one backend: over HTTP for real ones, by a call for simulated ones. */
public interface ReplicaClient {

    /** Sends {@code GET pathAndQuery} to the replica; an answer of any status is a reply, no answer throws. */
    ReplicaReply get(Replica replica, String pathAndQuery) throws ReplicaUnreachableException;
}
