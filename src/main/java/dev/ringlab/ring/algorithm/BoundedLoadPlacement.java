package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.VirtualNode;
import java.util.List;

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam, SODA 2018; in
 * production at Vimeo and in HAProxy): the classic ring, but a server may hold at most
 * {@code ceil(c * (m + 1) / N)} of the m in-flight requests (the new one counted); a key whose ring
 * owner is full walks on clockwise to the first server with room. With c = 1.25 no server is ever
 * more than 25 % above the average. With weights, a server of weight w may hold
 * {@code ceil(c * (m + 1) * w / W)}, W the total weight: the same bound, in proportion to capacity
 * (with equal weights it is the formula above, to the request).
 *
 * <p>Trades: a hard bound on the peak load whatever the keys do (hot keys, a poor ring), against
 * state (the in-flight counts, under a lock) and weaker stickiness: where a key goes depends on the
 * current load, so caches see more misses when the ring is busy, and membership changes move more
 * than 1/N of the keys.
 */
public final class BoundedLoadPlacement implements Placement {

    public static final double DEFAULT_LOAD_FACTOR = 1.25;

    private final RingSnapshot ring;
    private final double loadFactor;
    private final InFlightLoad load;
    /** Virtual node slots in clockwise order, and their servers: the walk without allocation. */
    private final int[] nodeSlots;
    private final Server[] nodeServers;
    /** The servers' weights added up: each server's cap is its part of c times the load. */
    private final long totalWeight;

    private BoundedLoadPlacement(RingSnapshot ring, double loadFactor, InFlightLoad load) {
        checkLoadFactor(loadFactor);
        this.ring = ring;
        this.loadFactor = loadFactor;
        this.load = load;
        List<VirtualNode> nodes = ring.virtualNodes();
        this.nodeSlots = nodes.stream().mapToInt(VirtualNode::slot).toArray();
        this.nodeServers = nodes.stream().map(VirtualNode::server).toArray(Server[]::new);
        this.totalWeight = ring.servers().stream().mapToLong(Server::weight).sum();
    }

    public static BoundedLoadPlacement empty(RingConfig config, double loadFactor) {
        return new BoundedLoadPlacement(RingSnapshot.empty(config), loadFactor, new InFlightLoad());
    }

    /** Bounded loads over an existing ring, with fresh (empty) in-flight counts. */
    public static BoundedLoadPlacement over(RingSnapshot ring, double loadFactor) {
        return new BoundedLoadPlacement(ring, loadFactor, new InFlightLoad());
    }

    /** The same bound and in-flight counts over another state of the ring (the cluster's next snapshot). */
    public BoundedLoadPlacement onRing(RingSnapshot next) {
        return new BoundedLoadPlacement(next, loadFactor, load);
    }

    static void checkLoadFactor(double factor) {
        if (!(factor > 1.0) || factor > 100 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("the load factor c must be above 1 (e.g. 1.25) and at most 100, got " + factor);
        }
    }

    public double loadFactor() {
        return loadFactor;
    }

    public InFlightLoad load() {
        return load;
    }

    public RingSnapshot snapshot() {
        return ring;
    }

    /** The most requests a server of weight 1 may hold once one more is admitted: ceil(c * (m + 1) / N) when all weigh 1. */
    public long capacity() {
        return capacityFor(load.total(), Server.DEFAULT_WEIGHT);
    }

    /** The most requests {@code server} may hold once one more is admitted: ceil(c * (m + 1) * w / W). */
    public long capacityOf(Server server) {
        return capacityFor(load.total(), server.weight());
    }

    private long capacityFor(long inFlight, int weight) {
        // (x * 1) / N is x / N exactly, so equal weights give the unweighted cap to the request.
        return (long) Math.ceil(loadFactor * (inFlight + 1) * weight / totalWeight);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.BOUNDED;
    }

    @Override
    public String label() {
        return "bounded(V=" + ring.config().virtualNodesPerServer() + ",c=" + loadFactor + ")";
    }

    @Override
    public List<Server> servers() {
        return ring.servers();
    }

    /** Where the next request for {@code key} would go now, without counting it. */
    @Override
    public Server route(long key) {
        synchronized (load) {
            return choose(key);
        }
    }

    @Override
    public Server acquire(long key) {
        synchronized (load) {
            Server chosen = choose(key);
            load.add(chosen);
            return chosen;
        }
    }

    @Override
    public void release(Server server) {
        load.release(server);
    }

    /** The ring's clockwise order: the same fallbacks as the plain ring. */
    @Override
    public List<Server> preferenceOrder(long key) {
        return ring.serversClockwiseFrom(ring.slotOf(key));
    }

    private Server choose(long key) {
        int first = ring.isEmpty() ? 0 : firstNodeAtOrAfter(ring.slotOf(key));
        Server owner = ring.ownerOfSlot(ring.slotOf(key)); // throws EmptyRingException when empty
        long inFlight = load.total();
        // c > 1 makes the caps add up to more than m, so some server always has room and the walk ends.
        for (int k = 0; k < nodeSlots.length; k++) {
            Server server = nodeServers[(first + k) % nodeSlots.length];
            if (load.of(server) < capacityFor(inFlight, server.weight())) {
                return server;
            }
        }
        return owner;
    }

    private int firstNodeAtOrAfter(int slot) {
        int index = java.util.Arrays.binarySearch(nodeSlots, slot);
        if (index >= 0) {
            return index;
        }
        int insertion = -index - 1;
        return insertion == nodeSlots.length ? 0 : insertion;
    }

    /** Membership changes keep the in-flight counts: requests already sent still end on their servers. */
    @Override
    public BoundedLoadPlacement withServer(Server server) {
        return new BoundedLoadPlacement(ring.withServer(server), loadFactor, load);
    }

    @Override
    public BoundedLoadPlacement withoutServer(Server server) {
        return new BoundedLoadPlacement(ring.withoutServer(server), loadFactor, load);
    }

    @Override
    public long memoryBytes() {
        return RingPlacement.ringBytes(ring) + Footprint.array(nodeSlots.length, Integer.BYTES)
                + Footprint.array(nodeServers.length, Footprint.REFERENCE)
                + Footprint.object(Long.BYTES + Footprint.REFERENCE) + ring.size() * 32L;
    }

    @Override
    public String toString() {
        return label() + ring.servers();
    }
}
