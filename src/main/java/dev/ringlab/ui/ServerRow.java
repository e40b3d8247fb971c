package dev.ringlab.ui;

import dev.ringlab.cluster.Member;
import java.util.Locale;

/** One row of the servers table, as shown: name, backend id (pid, container, sim handle), address, state, requests served. */
public record ServerRow(String name, String backendId, String address, String state, long served) {

    static ServerRow of(Member member, long served) {
        return new ServerRow(member.server().name(),
                member.replica() == null ? "-" : member.replica().backendId(),
                member.replica() == null ? "-" : member.replica().addressText(),
                member.state().name().toLowerCase(Locale.ROOT), served);
    }
}
