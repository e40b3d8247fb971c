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
 */
public record Replica(Server server, String backendId, URI address, Instant startedAt) {

    public Replica {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public String addressText() {
        return address == null ? "in memory" : address.toString();
    }
}
