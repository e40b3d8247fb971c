package dev.ringlab.experiment;

import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.Lineup;
import dev.ringlab.ring.algorithm.Algorithm;

/**
 * The window's cluster and route as an experiment or a lesson borrows them: what they were when the first
 * testbed opened (the ring with every virtual node's slot, the ids, the placement algorithm, the dead
 * servers a hold keeps dead, set aside meanwhile), and the exact give-back. Putting the same names back is not enough: under the assignment hash and probing a
 * server with another id, or the same servers joining in another order, make another ring.
 */
final class ClusterLoan {

    private final Cluster cluster;
    private final FailoverRoute route;
    private Lineup lineup;
    private Algorithm algorithm;

    ClusterLoan(Cluster cluster, FailoverRoute route) {
        this.cluster = cluster;
        this.route = route;
    }

    /** Notes the owner's cluster the first time; later testbeds of the same loan keep that first note. */
    synchronized void begin() {
        if (lineup == null) {
            lineup = cluster.lend();
            algorithm = route.placement().algorithm();
        }
    }

    /** The cluster, its ring and its placement as {@link #begin} found them. */
    synchronized void giveBack() {
        try {
            cluster.restore(lineup);
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
        // A-5 and a lesson's "algorithm" step switch the window's own route
        if (route.placement().algorithm() != algorithm) {
            route.placement().use(algorithm);
        }
    }
}
