package dev.ringlab.cluster;

/** Where a server is in its life, as the servers table shows it. */
public enum MemberState {
    /** Its replica is starting; not on the ring until its first heartbeat answers. */
    STARTING,
    /** On the ring and answering heartbeats. */
    UP,
    /** Missed too many heartbeats; off the ring. */
    DEAD,
    /** Dead, and a replacement is starting. */
    REPLACING
}
