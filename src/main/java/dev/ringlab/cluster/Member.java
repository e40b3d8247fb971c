package dev.ringlab.cluster;

import dev.ringlab.ring.Server;

/** One server of the cluster, its replica and its state: an immutable row of the servers table. */
public record Member(Server server, Replica replica, MemberState state) {

    Member withState(MemberState next) {
        return new Member(server, replica, next);
    }
}
