package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.Server;
import java.util.List;

/**
 * Where a request key goes, by one of several consistent-hashing algorithms. A placement is an
 * immutable value: a membership change returns a new placement and leaves this one valid, so the
 * balancer swaps them with one reference write and readers never lock.
 *
 * <p>The one exception is in-flight load, which only {@link BoundedLoadPlacement} looks at: it
 * keeps it in a shared, thread-safe {@link InFlightLoad} that survives membership changes. Every
 * other placement ignores {@link #acquire}/{@link #release} beyond routing.
 */
public interface Placement {

    /** Which algorithm this is. */
    Algorithm algorithm();

    /** A short label for tables and charts, with the parameters that matter ({@code ring(V=9)}). */
    String label();

    /** The servers, in the order they joined. */
    List<Server> servers();

    /**
     * The server for a 64-bit request key. Pure: the same key on the same placement always gives the
     * same server (bounded loads: given the same in-flight load).
     *
     * @throws dev.ringlab.ring.EmptyRingException when there is no server
     */
    Server route(long key);

    /**
     * The servers to try for {@code key}, best first: the owner, then where the key would go if the
     * ones before it were gone. The balancer walks it when a replica does not answer.
     */
    List<Server> preferenceOrder(long key);

    /** A new placement with {@code server} added; a duplicate id or name is refused. */
    Placement withServer(Server server);

    /** A new placement without {@code server}; an unknown server is refused. */
    Placement withoutServer(Server server);

    /** The bytes of the lookup structures (tables, arrays, nodes), not counting the servers themselves. */
    long memoryBytes();

    /** Routes {@code key} and counts it as in flight on the server chosen, until {@link #release}. */
    default Server acquire(long key) {
        return route(key);
    }

    /** Ends one in-flight request on {@code server}. */
    default void release(Server server) {
    }

    default int size() {
        return servers().size();
    }

    default boolean isEmpty() {
        return servers().isEmpty();
    }
}
