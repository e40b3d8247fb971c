package dev.ringlab.ring;

import java.util.Objects;

/**
 * A server on the ring: the unit that owns virtual nodes and answers requests.
 *
 * @param id   the numeric id the assignment hash works with (Phi(i, j) takes i = id); unique per cluster
 * @param name the name users see and give ({@code Server 1}, {@code S5}); unique per cluster
 */
public record Server(int id, String name) implements Comparable<Server> {

    public Server {
        if (id < 0) {
            throw new IllegalArgumentException("server id must not be negative: " + id);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("server name must not be blank");
        }
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
