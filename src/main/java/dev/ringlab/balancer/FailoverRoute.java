package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.ring.algorithm.Algorithm;
import java.time.Duration;
import java.util.Objects;

/**
 * The one way a request goes, for the HTTP balancer and every in-process caller alike: the
 * placement's choice for its key, then the placement's next choices (clockwise on the ring) while a
 * replica does not answer, with in-flight load held on the chosen server while it is asked. Each
 * request reads one {@link RoutingTable} and walks it with a {@link RouteAttempt}; every request that
 * ends is counted once, in {@link #metrics()}, whichever path sent it.
 */
public final class FailoverRoute {

    /** The longest wait for one replica before the next one clockwise is asked, unless set (nginx's proxy_read_timeout is 60 s). */
    public static final Duration DEFAULT_TRY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MIN_TRY_TIMEOUT = Duration.ofMillis(10);
    public static final Duration MAX_TRY_TIMEOUT = Duration.ofMinutes(1);

    private final LivePlacement placement;
    private final BalancerMetrics metrics;
    private volatile long tryTimeoutMs = DEFAULT_TRY_TIMEOUT.toMillis();
    private final PassiveHealth passiveHealth = new PassiveHealth();

    public FailoverRoute(Cluster cluster, LivePlacement placement) {
        Objects.requireNonNull(cluster, "cluster");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.metrics = new BalancerMetrics(() -> cluster.ring().size(), placement::algorithm);
        this.metrics.watchEjections(passiveHealth::ejectionsTotal, passiveHealth::ejectedNow);
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

    /**
     * How long one replica may take before the request goes on to the next server clockwise (Envoy's
     * per_try_timeout): a frozen or very slow server then costs a client this much, not the whole
     * request. Routed requests are GETs, safe to send again. Returns this route, to chain at setup.
     */
    public FailoverRoute tryTimeout(Duration timeout) {
        if (timeout.compareTo(MIN_TRY_TIMEOUT) < 0 || timeout.compareTo(MAX_TRY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the per-try timeout must be within " + MIN_TRY_TIMEOUT.toMillis()
                    + " ms and " + MAX_TRY_TIMEOUT.toSeconds() + " s, got " + timeout.toMillis() + " ms");
        }
        this.tryTimeoutMs = timeout.toMillis();
        return this;
    }

    /**
     * Passive health on real traffic (Envoy's outlier detection): after {@code failures} failures in a row
     * (5xx, no answer, a per-try timeout) a server is skipped for {@code baseEjection} times its ejections
     * so far. 0 turns it off (the default). Returns this route, to chain at setup.
     */
    public FailoverRoute ejectAfter(int failures, Duration baseEjection) {
        passiveHealth.configure(failures, baseEjection);
        return this;
    }

    /**
     * Hears every ejection by passive health and every return from one (an ejection that ran out is
     * noticed by the next request that would route to the server) until the handle is closed, on the
     * request's thread: the listener must not block.
     */
    public AutoCloseable watchEjections(java.util.function.Consumer<Ejection> listener) {
        return passiveHealth.watch(listener);
    }

    /**
     * Puts back, when run, the per-try timeout and passive health this route has now: a lesson that tunes
     * a route it shares with its owner (the window's) gives it back as it found it.
     */
    public Runnable restorer() {
        long timeout = tryTimeoutMs;
        int failures = passiveHealth.failuresToEject();
        Duration base = passiveHealth.baseEjection();
        return () -> {
            tryTimeoutMs = timeout;
            passiveHealth.configure(failures, base);
        };
    }

    PassiveHealth passiveHealth() {
        return passiveHealth;
    }

    long tryTimeoutMillis() {
        return tryTimeoutMs;
    }

    Algorithm algorithm() {
        return placement.algorithm();
    }

    RoutingTable table() {
        return placement.table();
    }
}
