package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The membership checks every placement shares, with the ring's wording. */
final class Memberships {

    private Memberships() {
    }

    static List<Server> adding(List<Server> servers, Server server) {
        Objects.requireNonNull(server, "server");
        for (Server existing : servers) {
            if (existing.id() == server.id() || existing.name().equals(server.name())) {
                throw new IllegalArgumentException("server " + server.name() + " (id " + server.id()
                        + ") clashes with " + existing.name() + " (id " + existing.id() + ") already placed");
            }
        }
        List<Server> grown = new ArrayList<>(servers);
        grown.add(server);
        return List.copyOf(grown);
    }

    static List<Server> removing(List<Server> servers, Server server) {
        if (!servers.contains(server)) {
            throw new IllegalArgumentException("server " + server.name() + " is not placed");
        }
        List<Server> shrunk = new ArrayList<>(servers);
        shrunk.remove(server);
        return List.copyOf(shrunk);
    }
}
