package dev.ringlab.cluster;

import dev.ringlab.ring.Server;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A running copy of a server, as one backend started it.
 *
 * @param backendId what the backend knows it by: a pid, a container id, a simulation handle
 * @param address   where it answers HTTP, or null for the in-memory simulation
 * @param node      the machine it runs on when the backend spans several (a Swarm node's name), else null
 */
public record Replica(Server server, String backendId, URI address, Instant startedAt, String node) {

    public Replica {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A replica on this machine, or on the one engine the backend talks to. */
    public Replica(Server server, String backendId, URI address, Instant startedAt) {
        this(server, backendId, address, startedAt, null);
    }

    public String addressText() {
        return address == null ? "in memory" : address.toString();
    }

    /** The address, and the node when the backend spans several: "http://10.0.0.7:30001 on node worker-2". */
    public String placeText() {
        return node == null ? addressText() : addressText() + " on node " + node;
    }
}
