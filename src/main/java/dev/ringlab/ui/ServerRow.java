package dev.ringlab.ui;

import dev.ringlab.cluster.Member;
import dev.ringlab.cluster.Replica;
import java.util.Locale;

/**
 * One row of the servers table, as shown: name, backend id (pid, container, Swarm service, sim handle),
 * address (and node, on Swarm), state.
 * The requests served are not part of it: they change several times a second, and replacing a row
 * re-lays the table out and repaints the whole window; {@link ServedCounts} updates just that cell.
 */
public record ServerRow(String name, String backendId, String address, String state) {

    static ServerRow of(Member member) {
        return new ServerRow(member.server().name(),
                member.replica() == null ? "-" : member.replica().backendId(),
                member.replica() == null ? "-" : where(member.replica()),
                member.state().name().toLowerCase(Locale.ROOT));
    }

    /** The node first when there is one (Swarm): the narrow column then shows it before the port. */
    private static String where(Replica replica) {
        return replica.node() == null ? replica.addressText() : replica.node() + " · " + replica.addressText();
    }
}
