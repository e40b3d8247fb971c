package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Topology;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.BoundedLoadPlacement;
import dev.ringlab.ring.algorithm.MaglevPlacement;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.PlacementSettings;
import dev.ringlab.ring.algorithm.RingPlacement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The placement the balancer routes by: the chosen algorithm over the cluster's current servers.
 * It follows the cluster's ring (the membership's source of truth) lazily: a request that sees a new
 * ring snapshot derives the next placement from the last one with the same membership change, so
 * jump keeps its bucket order and bounded loads keeps its in-flight counts. Switching algorithm is
 * one reference swap; requests already routed finish where they were sent. Each swap publishes a whole
 * {@link RoutingTable} (ring, placement, replicas) in one volatile write.
 */
public final class LivePlacement {

    private final Cluster cluster;
    private final int maglevTableSize;
    private final double loadFactor;
    private final AtomicReference<RoutingTable> current;

    public LivePlacement(Cluster cluster, Algorithm algorithm, int maglevTableSize, double loadFactor) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        // checks the table size and c once, with the algorithms' own messages
        new PlacementSettings(cluster.ring().config(), maglevTableSize, loadFactor);
        this.maglevTableSize = maglevTableSize;
        this.loadFactor = loadFactor;
        Topology topology = cluster.topology();
        this.current = new AtomicReference<>(new RoutingTable(topology, build(algorithm, topology.ring())));
    }

    /** The ring, as the cluster keeps it: the default. */
    public static LivePlacement ring(Cluster cluster) {
        return new LivePlacement(cluster, Algorithm.RING, PlacementSettings.DEFAULT_MAGLEV_TABLE_SIZE,
                PlacementSettings.DEFAULT_LOAD_FACTOR);
    }

    /** The placement for the cluster's ring right now: two volatile reads and a comparison when nothing changed. */
    public Placement current() {
        return table().placement();
    }

    /**
     * What a request routes by right now: the ring, its placement and the replicas, one immutable table.
     * Two volatile reads and a comparison when nothing changed.
     */
    RoutingTable table() {
        Topology topology = cluster.topology();
        RoutingTable now = current.get();
        if (now.topology() == topology) {
            return now;
        }
        return follow(topology);
    }

    public Algorithm algorithm() {
        return current.get().placement().algorithm();
    }

    /** Routes from now on with {@code algorithm}, over the same servers. Safe under traffic. */
    public Placement use(Algorithm algorithm) {
        Topology topology = cluster.topology();
        Placement next = build(algorithm, topology.ring());
        current.set(new RoutingTable(topology, next));
        return next;
    }

    private RoutingTable follow(Topology topology) {
        RingSnapshot ring = topology.ring();
        while (true) {
            RoutingTable now = current.get();
            if (now.topology() == topology) {
                return now;
            }
            // the same ring with other replicas (one restarted in place): the same placement
            Placement next = now.ring() == ring ? now.placement() : derive(now.placement(), ring);
            RoutingTable table = new RoutingTable(topology, next);
            if (current.compareAndSet(now, table)) {
                return table;
            }
        }
    }

    private Placement build(Algorithm algorithm, RingSnapshot ring) {
        return switch (algorithm) {
            case RING -> new RingPlacement(ring);
            case BOUNDED -> BoundedLoadPlacement.over(ring, loadFactor);
            default -> algorithm.of(new PlacementSettings(ring.config(), maglevTableSize, loadFactor), ring.servers());
        };
    }

    private Placement derive(Placement previous, RingSnapshot ring) {
        return switch (previous.algorithm()) {
            case RING -> new RingPlacement(ring);
            case BOUNDED -> ((BoundedLoadPlacement) previous).onRing(ring);
            case MAGLEV -> MaglevPlacement.of(maglevTableSize, ring.servers());
            default -> applyChanges(previous, ring.servers());
        };
    }

    /** Removes who left and adds who joined, one change at a time, as the algorithm defines them. */
    private static Placement applyChanges(Placement placement, List<Server> servers) {
        Placement next = placement;
        for (Server server : placement.servers()) {
            if (!servers.contains(server)) {
                next = next.withoutServer(server);
            }
        }
        for (Server server : servers) {
            if (!next.servers().contains(server)) {
                next = next.withServer(server);
            }
        }
        return next;
    }
}
