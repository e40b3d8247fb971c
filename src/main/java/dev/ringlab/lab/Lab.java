package dev.ringlab.lab;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.balancer.ClientTimeouts;
import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.balancer.LivePlacement;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.ring.RingConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One running lab, assembled in one place for {@code serve}, the window and the experiment testbeds:
 * a cluster on a backend, its health monitor and, when asked, the HTTP balancer in front of it.
 * The parts start in order (servers join before health is watched and before the port opens, so
 * the first client sees every replica) and stop in the reverse order: balancer, heartbeats,
 * cluster (which stops its replicas and closes the backend). Every lab that is open when the JVM
 * exits (Ctrl-C, SIGTERM) is closed by {@link Reaper}'s one shutdown hook, which also ends what a
 * dead run left behind, processes and containers alike.
 */
public final class Lab implements AutoCloseable {

    private final Cluster cluster;
    private final HealthMonitor monitor;
    private volatile BalancerEndpoint balancer;
    private volatile boolean closed;

    private Lab(Cluster cluster, HealthMonitor monitor) {
        this.cluster = cluster;
        this.monitor = monitor;
    }

    /** A lab on {@code backend} with the default heartbeats (200 ms, 2 misses), no server yet, health not watched yet. */
    public static Lab open(Backend backend, RingConfig config) {
        return open(backend, config, HealthMonitor.DEFAULT_INTERVAL, HealthMonitor.DEFAULT_MISSES, event -> { });
    }

    /**
     * A lab on {@code backend}; {@code events} hears every cluster event from the first one on. The
     * lab owns the backend from here: closing the lab closes it.
     */
    public static Lab open(Backend backend, RingConfig config, Duration heartbeat, int misses,
                           Consumer<ClusterEvent> events) {
        return open(backend, config, heartbeat, misses, HealthMonitor.DEFAULT_RISE, events);
    }

    /** As above, with health hysteresis: {@code fall} misses in a row declare a server dead, {@code rise} answers in a row clear its misses. */
    public static Lab open(Backend backend, RingConfig config, Duration heartbeat, int fall, int rise,
                           Consumer<ClusterEvent> events) {
        Reaper.reapDeadRuns(backend);
        Cluster cluster = new Cluster(backend, config);
        cluster.subscribe(events);
        Lab lab = new Lab(cluster, new HealthMonitor(cluster, heartbeat, fall, rise));
        Reaper.register(lab);
        return lab;
    }

    /**
     * Starts {@code servers} servers, waits until they have joined, then watches their health: the
     * usual start of a lab. On failure the whole lab is closed and the failure rethrown.
     */
    public Lab startServers(int servers) {
        return startServers(servers, List.of());
    }

    /** As {@link #startServers(int)}, the servers weighing {@code weights} in order (the rest 1). */
    public Lab startServers(int servers, List<Integer> weights) {
        try {
            if (servers > 0) {
                cluster.add(servers, List.of(), weights);
            }
            watchHealth();
            return this;
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** Starts the heartbeats (once; later calls do nothing). */
    public Lab watchHealth() {
        monitor.start();
        return this;
    }

    /**
     * Opens the HTTP balancer on {@code address} routed by {@code placement}; call it once the first
     * servers have joined. A port that cannot be bound leaves the lab as it was, without a balancer.
     */
    public BalancerEndpoint serve(LivePlacement placement, InetSocketAddress address, String adminToken, int threads)
            throws IOException {
        return serve(new FailoverRoute(cluster, placement), address, adminToken, threads, ClientTimeouts.DEFAULT);
    }

    /** As above, along {@code route} (shared with in-process callers), with {@code timeouts} on client connections. */
    public BalancerEndpoint serve(FailoverRoute route, InetSocketAddress address, String adminToken, int threads,
                                  ClientTimeouts timeouts) throws IOException {
        if (balancer != null) {
            throw new IllegalStateException("this lab already serves HTTP at " + balancer.address());
        }
        BalancerEndpoint started = BalancerEndpoint.start(cluster, route, address, adminToken, threads, timeouts);
        balancer = started;
        if (closed) { // closed while the port opened: do not leave it open
            started.close();
        }
        return started;
    }

    /** The heartbeats watching this lab's servers (their fall and rise can change while it runs). */
    public HealthMonitor health() {
        return monitor;
    }

    public Cluster cluster() {
        return cluster;
    }

    /** The HTTP balancer, or null when this lab has none. */
    public BalancerEndpoint balancer() {
        return balancer;
    }

    /** Balancer, heartbeats, then the cluster and its backend; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        BalancerEndpoint endpoint = balancer;
        if (endpoint != null) {
            endpoint.close();
        }
        monitor.close();
        cluster.close();
        Reaper.forget(this);
    }
}
