package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.EmptyRingException;
import dev.ringlab.ring.Server;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maglev hashing (Eisenbud et al., "Maglev: A Fast and Reliable Software Network Load Balancer",
 * NSDI 2016, section 3.4): every server derives a permutation of a prime-sized lookup table from an
 * offset and a skip, and the servers take turns claiming their next preferred free entry until the
 * table is full; a key goes to the entry it hashes to.
 *
 * <p>Trades: one array read per lookup and near-perfect balance (each server owns M/N entries, give
 * or take one), paid for with M entries of memory (65537 by default) and a rebuild on every change.
 * It is not perfectly minimal: when a server leaves, the round-robin refill shifts a few other
 * entries too (the paper accepts this; the comparison measures it). Servers fill in name order, so
 * every balancer that sees the same set builds the same table.
 */
public final class MaglevPlacement implements Placement {

    public static final int DEFAULT_TABLE_SIZE = 65_537;
    /** Big enough for any lab; the table is an int array of this many entries. */
    public static final int MAX_TABLE_SIZE = 16_777_213;

    private static final long OFFSET_SALT = 0x4d61676c65764f66L;
    private static final long SKIP_SALT = 0x4d61676c65765368L;

    private final int tableSize;
    private final List<Server> servers;
    /** Servers in the order they fill the table (by name); table entries index into it. */
    private final Server[] fillOrder;
    private final int[] table;

    private MaglevPlacement(int tableSize, List<Server> servers) {
        checkTableSize(tableSize);
        if (servers.size() > tableSize) {
            throw new IllegalArgumentException("a Maglev table of " + tableSize + " entries holds at most "
                    + tableSize + " servers, got " + servers.size());
        }
        this.tableSize = tableSize;
        this.servers = servers;
        this.fillOrder = servers.stream().sorted(Comparator.comparing(Server::name)).toArray(Server[]::new);
        int[] offsets = new int[fillOrder.length];
        int[] skips = new int[fillOrder.length];
        int[] weights = new int[fillOrder.length];
        for (int i = 0; i < fillOrder.length; i++) {
            offsets[i] = offset(fillOrder[i], tableSize);
            skips[i] = skip(fillOrder[i], tableSize);
            weights[i] = fillOrder[i].weight();
        }
        this.table = fillOrder.length == 0 ? new int[0] : populate(tableSize, offsets, skips, weights);
    }

    public static MaglevPlacement empty(int tableSize) {
        return new MaglevPlacement(tableSize, List.of());
    }

    public static MaglevPlacement of(int tableSize, List<Server> servers) {
        List<Server> checked = List.of();
        for (Server server : servers) {
            checked = Memberships.adding(checked, server);
        }
        return new MaglevPlacement(tableSize, checked);
    }

    static void checkTableSize(int size) {
        if (size < 2 || size > MAX_TABLE_SIZE || !BigInteger.valueOf(size).isProbablePrime(40)) {
            throw new IllegalArgumentException("the Maglev table size must be a prime between 2 and "
                    + MAX_TABLE_SIZE + " (e.g. 7, 13, 251, 65537), got " + size);
        }
    }

    /** The server's first preferred entry: h1(name) mod M. */
    public static int offset(Server server, int tableSize) {
        return (int) Long.remainderUnsigned(KeyMix.ofName(server.name(), OFFSET_SALT), tableSize);
    }

    /** The server's stride through the table: h2(name) mod (M-1) + 1, never 0, so with M prime it visits every entry. */
    public static int skip(Server server, int tableSize) {
        return (int) Long.remainderUnsigned(KeyMix.ofName(server.name(), SKIP_SALT), tableSize - 1) + 1;
    }

    /**
     * The paper's Pseudocode 1: server i prefers entries offset[i], offset[i]+skip[i], ... (mod M);
     * in turns, each claims its next preferred entry that is still free, until all M are taken.
     *
     * @return for each entry, the index of the server that owns it
     */
    public static int[] populate(int tableSize, int[] offsets, int[] skips) {
        int[] equal = new int[offsets.length];
        java.util.Arrays.fill(equal, Server.DEFAULT_WEIGHT);
        return populate(tableSize, offsets, skips, equal);
    }

    /**
     * Pseudocode 1 with weights, as Envoy's weighted Maglev builds its table: in round r, server i
     * claims an entry only when r times its weight has reached its target, and each claim raises the
     * target by the largest weight. The heaviest server claims every round, one of half its weight
     * every other round, so each owns entries in proportion to its weight; with equal weights every
     * server claims every round, which is the unweighted table exactly.
     */
    public static int[] populate(int tableSize, int[] offsets, int[] skips, int[] weights) {
        int servers = offsets.length;
        if (servers == 0 || skips.length != servers || weights.length != servers) {
            throw new IllegalArgumentException("need one offset, one skip and one weight per server, at least one server");
        }
        long heaviest = java.util.Arrays.stream(weights).max().orElseThrow();
        if (java.util.Arrays.stream(weights).anyMatch(weight -> weight < 1)) {
            throw new IllegalArgumentException("Maglev weights must be at least 1: " + java.util.Arrays.toString(weights));
        }
        int[] entry = new int[tableSize];
        java.util.Arrays.fill(entry, -1);
        long[] next = new long[servers];
        long[] target = new long[servers];
        int filled = 0;
        for (long round = 1; ; round++) {
            for (int i = 0; i < servers; i++) {
                if (round * weights[i] < target[i]) {
                    continue;
                }
                target[i] += heaviest;
                int candidate = (int) ((offsets[i] + next[i] * skips[i]) % tableSize);
                while (entry[candidate] >= 0) {
                    next[i]++;
                    candidate = (int) ((offsets[i] + next[i] * skips[i]) % tableSize);
                }
                entry[candidate] = i;
                next[i]++;
                if (++filled == tableSize) {
                    return entry;
                }
            }
        }
    }

    public int tableSize() {
        return tableSize;
    }

    /** The owner of every table entry, in entry order: what the window draws as a strip. */
    public List<Server> entries() {
        List<Server> owners = new ArrayList<>(table.length);
        for (int index : table) {
            owners.add(fillOrder[index]);
        }
        return owners;
    }

    /** The table entry a key reads. */
    public int entryOf(long key) {
        return (int) Long.remainderUnsigned(KeyMix.of(key), tableSize);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.MAGLEV;
    }

    @Override
    public String label() {
        return "maglev(M=" + tableSize + ")";
    }

    @Override
    public List<Server> servers() {
        return servers;
    }

    @Override
    public Server route(long key) {
        if (table.length == 0) {
            throw new EmptyRingException();
        }
        return fillOrder[table[entryOf(key)]];
    }

    /** The owner, then the owners of the following table entries, as far as it takes to meet everyone. */
    @Override
    public List<Server> preferenceOrder(long key) {
        List<Server> order = new ArrayList<>(fillOrder.length);
        if (table.length == 0) {
            return List.of();
        }
        int start = entryOf(key);
        for (int k = 0; k < tableSize && order.size() < fillOrder.length; k++) {
            Server server = fillOrder[table[(start + k) % tableSize]];
            if (!order.contains(server)) {
                order.add(server);
            }
        }
        return List.copyOf(order);
    }

    @Override
    public MaglevPlacement withServer(Server server) {
        return new MaglevPlacement(tableSize, Memberships.adding(servers, server));
    }

    @Override
    public MaglevPlacement withoutServer(Server server) {
        return new MaglevPlacement(tableSize, Memberships.removing(servers, server));
    }

    @Override
    public long memoryBytes() {
        return Footprint.array(table.length, Integer.BYTES) + Footprint.array(fillOrder.length, Footprint.REFERENCE);
    }

    @Override
    public String toString() {
        return label() + servers;
    }
}
