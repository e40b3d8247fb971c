package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;

/**
 * The classic ring (Karger et al., STOC 1997): every server places V virtual nodes on a ring of
 * slots and a key goes to the first one clockwise. RingLab's own {@link RingSnapshot}, with any V,
 * slot count, hash and probing.
 *
 * <p>Trades: O(1) lookup and minimal movement (only the changed server's arcs move), but balance
 * depends on V: with few virtual nodes the arcs differ a lot and so do the loads (the spread shrinks
 * roughly as 1/sqrt(V)), and more virtual nodes cost memory.
 */
public final class RingPlacement implements Placement {

    private final RingSnapshot ring;

    public RingPlacement(RingSnapshot ring) {
        this.ring = ring;
    }

    public static RingPlacement empty(RingConfig config) {
        return new RingPlacement(RingSnapshot.empty(config));
    }

    public RingSnapshot snapshot() {
        return ring;
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.RING;
    }

    @Override
    public String label() {
        return "ring(V=" + ring.config().virtualNodesPerServer() + ")";
    }

    @Override
    public List<Server> servers() {
        return ring.servers();
    }

    @Override
    public Server route(long key) {
        return ring.route(key);
    }

    @Override
    public List<Server> preferenceOrder(long key) {
        return ring.serversClockwiseFrom(ring.slotOf(key));
    }

    @Override
    public RingPlacement withServer(Server server) {
        return new RingPlacement(ring.withServer(server));
    }

    @Override
    public RingPlacement withoutServer(Server server) {
        return new RingPlacement(ring.withoutServer(server));
    }

    @Override
    public long memoryBytes() {
        return ringBytes(ring);
    }

    /** Two slot arrays of references, the sorted node slots, and one VirtualNode record per node. */
    static long ringBytes(RingSnapshot ring) {
        long slots = ring.config().slots();
        long nodes = ring.config().slots() - ring.freeSlots();
        return 2 * Footprint.array(slots, Footprint.REFERENCE) + Footprint.array(nodes, Integer.BYTES)
                + nodes * Footprint.object(Footprint.REFERENCE + 3 * Integer.BYTES);
    }

    @Override
    public String toString() {
        return label() + ring.servers();
    }
}
