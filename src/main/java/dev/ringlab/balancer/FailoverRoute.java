package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.Objects;

/**
 * The one way a request goes, for the HTTP balancer and every in-process caller alike: the
 * placement's choice for its key, then the placement's next choices (clockwise on the ring) while a
 * replica does not answer, with in-flight load held on the chosen server while it is asked. Each
 * request reads one {@link RoutingTable} and walks it with a {@link RouteAttempt}; every request that
 * ends is counted once, in {@link #metrics()}, whichever path sent it.
 */
public final class FailoverRoute {

    private final LivePlacement placement;
    private final BalancerMetrics metrics;

    public FailoverRoute(Cluster cluster, LivePlacement placement) {
        Objects.requireNonNull(cluster, "cluster");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.metrics = new BalancerMetrics(() -> cluster.ring().size(), placement::algorithm);
    }

    /** Over the cluster's ring, the default placement. */
    public static FailoverRoute ring(Cluster cluster) {
        return new FailoverRoute(cluster, LivePlacement.ring(cluster));
    }

    /** The placement requests are routed by; {@code placement().use(...)} switches the algorithm live. */
    public LivePlacement placement() {
        return placement;
    }

    /**
     * The one count of what this route served: per server, per algorithm, retries and errors. The HTTP
     * balancer and the in-process dispatcher both record here, so a window that sends through both reads
     * its served column from {@link BalancerMetrics#requestsOf(String)} alone.
     */
    public BalancerMetrics metrics() {
        return metrics;
    }

    Algorithm algorithm() {
        return placement.algorithm();
    }

    RoutingTable table() {
        return placement.table();
    }
}
