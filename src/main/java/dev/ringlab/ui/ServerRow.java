package dev.ringlab.ui;

import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.Member;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.Server;
import java.util.Locale;

/**
 * One row of the servers table, as shown: name, backend id (pid, container, Swarm service, sim handle),
 * address (and node, on Swarm), state, weight, and the fault injected into it (frozen, or latency and
 * an error rate on {@code /home}).
 * The requests served are not part of it: they change several times a second, and replacing a row
 * re-lays the table out and repaints the whole window; {@link ServedCounts} updates just that cell.
 */
public record ServerRow(String name, String backendId, String address, String state, int weight, boolean frozen,
                        Fault fault) {

    public ServerRow {
        fault = fault == null ? Fault.NONE : fault;
    }

    /** A plain row: weight 1, no fault. */
    public ServerRow(String name, String backendId, String address, String state) {
        this(name, backendId, address, state, Server.DEFAULT_WEIGHT, false, Fault.NONE);
    }

    static ServerRow of(Member member, boolean frozen, Fault fault) {
        return new ServerRow(member.server().name(),
                member.replica() == null ? "-" : member.replica().backendId(),
                member.replica() == null ? "-" : where(member.replica()),
                member.state().name().toLowerCase(Locale.ROOT),
                member.server().weight(), frozen, fault);
    }

    /** Whether anything was injected: frozen, or a latency or an error rate. */
    public boolean faulted() {
        return frozen || !fault.isNone();
    }

    /**
     * The "Fault" column, short enough for a narrow panel: {@code frozen}, {@code +200 ms, 10% errors},
     * {@code +200 ms}, {@code 10% errors}, or empty for a healthy server. A frozen server's latency and
     * errors are kept but do not show: nothing answers while it is frozen.
     */
    public String faultText() {
        if (frozen) {
            return "frozen";
        }
        String slow = fault.latencyMs() > 0 ? "+" + fault.latencyMs() + " ms" : "";
        String errors = fault.errorRate() > 0 ? percent(fault.errorRate()) + " errors" : "";
        return slow.isEmpty() || errors.isEmpty() ? slow + errors : slow + ", " + errors;
    }

    /** The Fault column's tooltip: what the short text means. */
    public String faultDetail() {
        if (frozen) {
            return "frozen: answers nothing until thawed or declared dead";
        }
        return fault.isNone() ? "" : "slowed: " + (fault.latencyMs() > 0 ? fault.latencyMs() + " ms added to every /home" : "")
                + (fault.latencyMs() > 0 && fault.errorRate() > 0 ? ", " : "")
                + (fault.errorRate() > 0 ? percent(fault.errorRate()) + " of /home answered 500" : "")
                + "; /heartbeat still answers at once";
    }

    /** 0.1 as 10%, 0.125 as 12.5%: as many decimals as the rate needs, up to two. */
    static String percent(double rate) {
        String text = String.format(Locale.ROOT, "%.2f", rate * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + "%";
    }

    /** The node first when there is one (Swarm): the narrow column then shows it before the port. */
    private static String where(Replica replica) {
        return replica.node() == null ? replica.addressText() : replica.node() + " · " + replica.addressText();
    }
}
