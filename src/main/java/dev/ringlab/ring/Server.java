package dev.ringlab.ring;

import java.util.Objects;

/**
 * A server on the ring: the unit that owns virtual nodes and answers requests.
 *
 * <p>Two servers are the same server when their id and name agree: the weight is a property of the
 * server (how much it can carry), not part of who it is, so a lookup by id and name finds it
 * whatever its weight.
 *
 * @param id     the numeric id the assignment hash works with (Phi(i, j) takes i = id); unique per cluster
 * @param name   the name users see and give ({@code Server 1}, {@code S5}); unique per cluster
 * @param weight the server's capacity relative to a plain server (1): a ring gives it weight times the
 *               virtual nodes, Maglev weight times the table entries, rendezvous weight times the keys
 */
public record Server(int id, String name, int weight) implements Comparable<Server> {

    /** A plain server, weight 1: what every server was before weights. */
    public static final int DEFAULT_WEIGHT = 1;

    public Server {
        if (id < 0) {
            throw new IllegalArgumentException("server id must not be negative: " + id);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("server name must not be blank");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("server weight must be at least 1, got " + weight);
        }
    }

    public Server(int id, String name) {
        this(id, name, DEFAULT_WEIGHT);
    }

    /** The name a server gets when the user gives none: {@code Server 4} for id 4. */
    public static String defaultName(int id) {
        return "Server " + id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Server server && server.id == id && server.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * id + name.hashCode();
    }

    @Override
    public int compareTo(Server other) {
        return Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
        return name;
    }
}
