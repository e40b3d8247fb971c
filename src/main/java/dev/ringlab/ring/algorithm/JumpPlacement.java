package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.EmptyRingException;
import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * Jump consistent hash (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm",
 * Google, 2014): a key jumps forward through bucket numbers with a seeded linear congruential
 * generator and stops at the last bucket below N. No table at all, near-perfect balance, and when N
 * grows to N+1 exactly the keys that land in the new bucket move (1/(N+1) of them).
 *
 * <p>Trades: buckets are numbered 0..N-1, so only the <em>last</em> one can leave without
 * disturbing the rest. RingLab removes a server in the middle by moving the last server into the
 * freed bucket and shrinking N: the removed server's keys go to the last server, and the last
 * bucket's keys spread over the others; about 2/N of the keys move instead of the ideal 1/N (the
 * comparison measures it). Lookup is O(log N) steps of arithmetic, with no memory beyond the list.
 */
public final class JumpPlacement implements Placement {

    private final List<Server> servers;
    /** servers by bucket: bucket b is served by buckets[b]; differs from join order after removals. */
    private final Server[] buckets;

    private JumpPlacement(List<Server> servers, Server[] buckets) {
        this.servers = servers;
        this.buckets = buckets;
    }

    public static JumpPlacement empty() {
        return new JumpPlacement(List.of(), new Server[0]);
    }

    /**
     * The paper's function (Figure 1), bit for bit: the bucket in [0, buckets) of a 64-bit key.
     * The key is treated as unsigned, as in the C++ original.
     */
    public static int bucket(long key, int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be positive, got " + buckets);
        }
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }

    /** The servers by bucket number, as the jump function sees them. */
    public List<Server> bucketOrder() {
        return List.of(buckets);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.JUMP;
    }

    @Override
    public String label() {
        return "jump";
    }

    @Override
    public List<Server> servers() {
        return servers;
    }

    @Override
    public Server route(long key) {
        if (buckets.length == 0) {
            throw new EmptyRingException();
        }
        return buckets[bucket(KeyMix.of(key), buckets.length)];
    }

    /** The owner, then the bucket the key falls to with one bucket fewer, and so on down to bucket 0. */
    @Override
    public List<Server> preferenceOrder(long key) {
        List<Server> order = new ArrayList<>(buckets.length);
        long mixed = KeyMix.of(key);
        for (int n = buckets.length; n > 0 && order.size() < buckets.length; n--) {
            Server server = buckets[bucket(mixed, n)];
            if (!order.contains(server)) {
                order.add(server);
            }
        }
        for (Server server : buckets) {
            if (!order.contains(server)) {
                order.add(server);
            }
        }
        return List.copyOf(order);
    }

    @Override
    public JumpPlacement withServer(Server server) {
        List<Server> grown = Memberships.adding(servers, server);
        Server[] next = java.util.Arrays.copyOf(buckets, buckets.length + 1);
        next[buckets.length] = server;
        return new JumpPlacement(grown, next);
    }

    /** Removes a server; a server in the middle gives its bucket to the last server (see the class notes). */
    @Override
    public JumpPlacement withoutServer(Server server) {
        List<Server> shrunk = Memberships.removing(servers, server);
        int freed = List.of(buckets).indexOf(server);
        Server[] next = java.util.Arrays.copyOf(buckets, buckets.length - 1);
        if (freed < next.length) {
            next[freed] = buckets[buckets.length - 1];
        }
        return new JumpPlacement(shrunk, next);
    }

    @Override
    public long memoryBytes() {
        return Footprint.array(buckets.length, Footprint.REFERENCE);
    }

    @Override
    public String toString() {
        return label() + List.of(buckets);
    }
}
