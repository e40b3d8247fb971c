package dev.ringlab.ui;

import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.MaglevPlacement;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where requests go when another algorithm than the ring routes them (Maglev, rendezvous, jump): the
 * ring still says which slot a key hashes to, but not which server serves it. So the canvas draws, round
 * the outside of the ring, one segment per slot split among the servers in proportion to the request
 * keys of that slot the algorithm sends to each, asked of the very placement that routes requests.
 * A band that is one colour per arc would mean the algorithm follows the ring; Maglev's is striped all
 * the way round, because a slot's keys go to every server.
 *
 * <p>Keys {@code 0..slots * keysPerSlot - 1} are the sample, the ids a {@code /home?key=N} carries: under
 * the assignment hash every slot gets exactly {@code keysPerSlot} of them, under murmur3 about as many.
 *
 * @param servers the servers in the order the layers are stacked (by id), the same for every slot
 * @param counts  {@code counts[slot][i]}: of the sampled keys hashing to {@code slot}, how many go to servers[i]
 */
record PlacementBand(Algorithm algorithm, List<Server> servers, int[][] counts, int sampledKeys) {

    /** Enough keys that a slot's split reads, few enough to compute on the FX thread at every change (~5 ms). */
    static final int MAX_SAMPLE = 32_768;

    /** One server's part of a slot. */
    record Share(Server server, int keys, double fraction) {
    }

    PlacementBand {
        servers = List.copyOf(servers);
    }

    /**
     * The band for requests routed by {@code placement} over the slots of {@code ring}, or null when the
     * ring itself routes (ring, or bounded loads, which takes the ring's choice until a server is full).
     */
    static PlacementBand of(RingSnapshot ring, Placement placement) {
        if (placement == null || placement.isEmpty() || ring.isEmpty() || routesByRing(placement.algorithm())) {
            return null;
        }
        placement = forServersOf(ring, placement);
        int slots = ring.config().slots();
        List<Server> servers = placement.servers().stream().sorted().toList();
        int[][] counts = new int[slots][servers.size()];
        int sample = Math.max(slots, Math.min(MAX_SAMPLE, slots * 32));
        for (long key = 0; key < sample; key++) {
            Server to = placement.route(key);
            int index = servers.indexOf(to);
            if (index >= 0) {
                counts[ring.slotOf(key)][index]++;
            }
        }
        return new PlacementBand(placement.algorithm(), servers, counts, sample);
    }

    /**
     * The same algorithm over the servers of the ring on show: while the window is paused or catching up
     * the cluster may already route with more or fewer servers, and the band must match the ring beside it.
     */
    private static Placement forServersOf(RingSnapshot ring, Placement placement) {
        if (new java.util.HashSet<>(placement.servers()).equals(new java.util.HashSet<>(ring.servers()))) {
            return placement;
        }
        int table = placement instanceof MaglevPlacement maglev ? maglev.tableSize()
                : PlacementSettings.DEFAULT_MAGLEV_TABLE_SIZE;
        return placement.algorithm().of(new PlacementSettings(ring.config(), table,
                PlacementSettings.DEFAULT_LOAD_FACTOR), ring.servers());
    }

    static boolean routesByRing(Algorithm algorithm) {
        return algorithm == Algorithm.RING || algorithm == Algorithm.BOUNDED;
    }

    int slots() {
        return counts.length;
    }

    /** The servers the sampled keys of {@code slot} go to, in stacking order, empty servers left out. */
    List<Share> at(int slot) {
        int[] row = counts[slot];
        int total = 0;
        for (int n : row) {
            total += n;
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            if (row[i] > 0) {
                shares.add(new Share(servers.get(i), row[i], (double) row[i] / total));
            }
        }
        return shares;
    }

    /** Of all sampled keys, the share {@code server} gets: what its layer adds up to round the band. */
    double shareOf(Server server) {
        int index = servers.indexOf(server);
        if (index < 0) {
            return 0;
        }
        long mine = 0;
        for (int[] row : counts) {
            mine += row[index];
        }
        return (double) mine / sampledKeys;
    }

    /** "slot 17: keys go to Server 1 34%, Server 2 33%, Server 3 33% (maglev)". */
    String describe(int slot) {
        List<Share> shares = at(slot);
        if (shares.isEmpty()) {
            return "slot " + slot + ": none of the sampled keys hashes here";
        }
        StringBuilder text = new StringBuilder("slot " + slot + " under " + algorithm.label() + ": its keys go to");
        for (Share share : shares) {
            text.append(String.format(Locale.ROOT, " %s %.0f%%,", share.server().name(), 100 * share.fraction()));
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }

    /** The words over the band, so nobody reads it as the ring. */
    String title() {
        return "Outer band: where requests go under " + algorithm.label();
    }
}
