package dev.ringlab.ui;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.balancer.ClientTimeouts;
import dev.ringlab.balancer.Dispatcher;
import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.balancer.LivePlacement;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.lab.Lab;
import dev.ringlab.scenario.SessionRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the window drives, without JavaFX: one backend, the cluster on it, its health monitor
 * and the request path. Every operation that may block (starting a replica, a request) runs on the
 * session's worker threads and answers with a future, so the controller never waits on the FX thread.
 * Switching the backend replaces all of it at once; listeners stay subscribed across the switch.
 */
public final class LabSession implements AutoCloseable {

    /** The lab on one backend and the window's request path into it; replaced whole when the backend changes. */
    private record Deployment(Lab lab, Dispatcher dispatcher) {

        static Deployment on(Backend backend, RingConfig config, int fall, Consumer<ClusterEvent> events) {
            Lab lab = Lab.open(backend, config, HealthMonitor.DEFAULT_INTERVAL, fall, events);
            // one route for the window's requests, its experiments and the HTTP balancer: one placement to
            // switch, and one count of what each server answered
            FailoverRoute route = new FailoverRoute(lab.cluster(), LivePlacement.ring(lab.cluster()));
            return new Deployment(lab, new Dispatcher(route, backend.client()));
        }

        Cluster cluster() {
            return lab.cluster();
        }

        BalancerEndpoint balancer() {
            return lab.balancer();
        }

        /** The same deployment answering HTTP on {@code port} of loopback, or on a free port when that one is taken. */
        Deployment serving(int port) {
            if (port < 0) {
                return this;
            }
            InetAddress loopback = InetAddress.getLoopbackAddress();
            try {
                lab.serve(dispatcher.route(), new InetSocketAddress(loopback, port), null, BalancerEndpoint.DEFAULT_THREADS,
                        ClientTimeouts.DEFAULT);
                return this;
            } catch (IOException taken) {
                if (port == 0) {
                    throw new UncheckedIOException("no free port for the balancer", taken);
                }
                LOG.info("port {} is taken ({}); the balancer takes a free one", port, taken.getMessage());
                return serving(0);
            }
        }

        void close() {
            lab.close();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LabSession.class);

    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-window-work");
        thread.setDaemon(true);
        return thread;
    });
    private final Object switching = new Object();
    private volatile Deployment deployment;
    private volatile RequestLandings landings = new RequestLandings();
    private volatile boolean started;
    private volatile boolean closed;
    /** Set while an experiment has lifted the teacher's hold for its run ({@link #lendHold}). */
    private volatile boolean holdLent;

    private final int balancerPort;
    /**
     * The window's fall: a frozen server misses a heartbeat about every 0.7 s (its 500 ms timeout, then
     * 200 ms), so 6 leave a teacher about 4 s to show it frozen, its requests waiting, and thaw it back,
     * close to the 6 s HAProxy's defaults take to mark a server down; a killed one refuses at once and
     * is noticed in about 1.2 s. Experiments and {@code serve} keep HAProxy's fall 3.
     */
    public static final int WINDOW_FALL = 6;

    /** Heartbeats missed in a row before a server is declared dead; a frozen server has this long to be thawed. */
    private final int fall;
    /** What the user did in this session, for File → Save session as scenario. */
    private final SessionRecorder recorder;

    /** A session without an HTTP balancer: requests come from the window and experiments only. */
    public LabSession(Backend backend, RingConfig config) {
        this(backend, config, -1);
    }

    /**
     * A session whose cluster also answers HTTP on loopback {@code balancerPort} (a free port when it is
     * taken, or when 0; none when negative).
     */
    public LabSession(Backend backend, RingConfig config, int balancerPort) {
        this(backend, config, balancerPort, HealthMonitor.DEFAULT_MISSES);
    }

    /** As above, declaring a server dead after {@code fall} missed heartbeats in a row (200 ms apart). */
    public LabSession(Backend backend, RingConfig config, int balancerPort, int fall) {
        this.balancerPort = balancerPort;
        this.fall = fall;
        this.deployment = Deployment.on(backend, config, fall, this::publish).serving(balancerPort);
        this.recorder = new SessionRecorder(backend.kind().option(), config, Algorithm.RING, List.of(),
                ThreadLocalRandom.current().nextLong(1, 1_000_000), name -> cluster().faultOf(name));
        listeners.add(recorder::record);
    }

    /** Writes down the session's actions as a scenario's steps. */
    public SessionRecorder recorder() {
        return recorder;
    }

    /** Where the embedded balancer answers, or null when this session has none. */
    public URI balancerAddress() {
        BalancerEndpoint balancer = deployment.balancer();
        return balancer == null ? null : balancer.address();
    }

    /**
     * Requests {@code server} answered on this backend so far, whoever sent them: the window, its
     * experiments and HTTP clients of the balancer all go along one route and count in one place.
     */
    public long servedBy(String server) {
        return deployment.dispatcher().route().metrics().requestsOf(server);
    }

    /** The route every request of this session takes (the window's, its experiments', the balancer's). */
    FailoverRoute route() {
        return deployment.dispatcher().route();
    }

    /** Starts watching health; call once the window listens to events. */
    public LabSession start() {
        started = true;
        deployment.lab().watchHealth();
        return this;
    }

    public Cluster cluster() {
        return deployment.cluster();
    }

    /** The heartbeats watching the window's servers; a flapping lesson sets their fall and rise for its run. */
    HealthMonitor health() {
        return deployment.lab().health();
    }

    public RingSnapshot ring() {
        return deployment.cluster().ring();
    }

    /** Requests seen landing, for the ring to flash. */
    RequestLandings landings() {
        return landings;
    }

    /** Receives the events of whichever cluster the session runs now; listeners must not block. */
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(ClusterEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    /** Adds one server, named {@code name} when it is not blank. */
    public CompletableFuture<List<Server>> add(String name) {
        return add(name, Server.DEFAULT_WEIGHT);
    }

    /** Adds one server of capacity {@code weight} (weight times the virtual nodes), named {@code name} when it is not blank. */
    public CompletableFuture<List<Server>> add(String name, int weight) {
        List<String> names = name == null || name.isBlank() ? List.of() : List.of(name.trim());
        return async(() -> cluster().add(1, names, List.of(weight)));
    }

    /** Adds {@code n} servers; the window's first ones are a saved scenario's {@code servers:}, not a step. */
    public CompletableFuture<List<Server>> add(int n) {
        return async(() -> {
            List<Server> added = cluster().add(n, List.of());
            recorder.started();
            return added;
        });
    }

    public CompletableFuture<List<Server>> remove(String name) {
        return async(() -> cluster().remove(1, List.of(name)));
    }

    public CompletableFuture<Server> kill(String name) {
        return async(() -> cluster().kill(name));
    }

    /** Freezes a server's replica (SIGSTOP, {@code docker pause}): it hangs with its port open. */
    public CompletableFuture<Server> freeze(String name) {
        return async(() -> cluster().freeze(name));
    }

    public CompletableFuture<Server> thaw(String name) {
        return async(() -> cluster().thaw(name));
    }

    /** Sets a server's latency and error rate on {@code /home}; {@link Fault#NONE} takes them away. */
    public CompletableFuture<Server> fault(String name, Fault fault) {
        return async(() -> cluster().fault(name, fault));
    }

    /** Thaws a server if it is frozen and takes its latency and errors away, as {@code POST /fault} with clear does. */
    public CompletableFuture<Server> clearFaults(String name) {
        return async(() -> {
            Cluster cluster = cluster();
            boolean frozen = cluster.member(name).map(m -> cluster.isFrozen(m.server())).orElse(false);
            if (frozen) {
                cluster.thaw(name);
            }
            return cluster.fault(name, Fault.NONE);
        });
    }

    public CompletableFuture<RingConfig> reconfigure(RingConfig config) {
        return async(() -> {
            cluster().reconfigure(config);
            return config;
        });
    }

    /**
     * Moves to another backend: opens it (which may fail, leaving everything as it was), stops every
     * replica of the old one, and starts the same servers on the new one (names, weights, ids), on the same ring.
     */
    public CompletableFuture<Cluster> switchTo(Supplier<Backend> backends) {
        return async(() -> {
            synchronized (switching) {
                // the servers stopped here and started there are the same ones to a scenario
                recorder.suspend();
                try {
                    Cluster cluster = switchDeployment(backends);
                    recorder.rebound(cluster.backend().kind().option(),
                            cluster.ring().servers().stream().map(Server::name).toList());
                    return cluster;
                } finally {
                    recorder.resume();
                }
            }
        });
    }

    /**
     * Holds (or releases) the replacement of dead servers in the cluster itself, so the ring without a
     * dead server stays on show, and its row stays dead, until the teacher releases it. Not blocking.
     * Recorded for a saved scenario as {@code replacement: hold} / {@code release} (an experiment's
     * lifting and putting back, while the recorder is suspended, writes nothing).
     */
    public void holdReplacements(boolean hold) {
        // told first: a release is written before the waits for the replacements it lets in
        recorder.replacement(hold);
        deployment.cluster().setReplaceDead(!hold);
    }

    /**
     * An experiment's run over a held window lets replacements in (A-3 waits for one) and puts the hold
     * back after it: the run's doing, not the teacher's, so neither recorded nor shown as a change.
     */
    void lendHold(boolean lent) {
        if (lent) {
            holdLent = true;
            deployment.cluster().setReplaceDead(true);
        } else {
            deployment.cluster().setReplaceDead(false);
            holdLent = false;
        }
    }

    /** Whether the window shows replacements held: the cluster's switch, or a hold an experiment borrowed. */
    boolean holdShown() {
        return !deployment.cluster().replacesDead() || holdLent;
    }

    /** Opens the new backend (which may fail, leaving everything as it was), then moves the servers to it. */
    private Cluster switchDeployment(Supplier<Backend> backends) {
        Backend next = backends.get();
        Deployment old = deployment;
        dev.ringlab.cluster.Lineup lineup = old.cluster().lineup();
        // Same port as before, once the old balancer let go of it.
        int port = old.balancer() == null ? balancerPort : old.balancer().port();
        Deployment fresh = Deployment.on(next, old.cluster().ring().config(), fall, this::publish);
        old.close();
        try {
            fresh = fresh.serving(port);
        } catch (RuntimeException failure) {
            fresh.close();
            throw failure;
        }
        fresh.dispatcher().placement().use(old.dispatcher().placement().algorithm());
        fresh.cluster().setReplaceDead(old.cluster().replacesDead()); // a held replacement stays held
        landings = new RequestLandings();
        deployment = fresh;
        if (closed) {
            fresh.close();
            return fresh.cluster();
        }
        if (started) {
            fresh.lab().watchHealth();
        }
        if (!lineup.ring().isEmpty()) {
            fresh.cluster().restore(lineup);
        }
        return fresh.cluster();
    }

    /** The placement algorithm requests (the window's and the HTTP balancer's) are routed by. */
    public Algorithm algorithm() {
        return deployment.dispatcher().placement().algorithm();
    }

    /** Routes by {@code algorithm} from now on; building Maglev's table takes a moment, so off the FX thread. */
    public CompletableFuture<Algorithm> useAlgorithm(Algorithm algorithm) {
        return async(() -> {
            Algorithm now = deployment.dispatcher().placement().use(algorithm).algorithm();
            recorder.placement(now);
            return now;
        });
    }

    /** The placement requests are routed by right now. */
    public Placement placement() {
        return deployment.dispatcher().placement().current();
    }

    /** Sends one request with a random key through the ring, as the balancer would, and shows where it landed. */
    public CompletableFuture<Dispatch> sendOne() {
        return async(() -> {
            Dispatch dispatch = send(ThreadLocalRandom.current().nextLong(0, 1_000_000));
            recorder.sent(1);
            return dispatch;
        });
    }

    /** Sends a request with {@code key} on the calling thread; for runs that already are off the FX thread. */
    public Dispatch send(long key) {
        Deployment current = deployment;
        Dispatch dispatch = current.dispatcher().dispatch(key, "/home");
        record(current.cluster().ring(), dispatch.slot(), dispatch.server());
        return dispatch;
    }

    /**
     * Shows a request someone else sent along this session's route (an experiment) landing on the ring:
     * {@code server} null when none answered. The route has counted it already.
     */
    void landed(int slot, String server) {
        RingSnapshot ring = ring();
        record(ring, slot, server == null ? null
                : ring.servers().stream().filter(s -> s.name().equals(server)).findFirst()
                        .orElse(new Server(0, server)));
    }

    private void record(RingSnapshot ring, int slot, Server server) {
        if (server == null) {
            return;
        }
        int nodeSlot = ring.isEmpty() || slot < 0 || ring.config().slots() <= slot ? slot
                : ring.owningVirtualNode(slot).slot();
        landings.landed(new RequestLandings.Landing(slot, nodeSlot, server));
    }

    <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, work);
    }

    /** Stops the monitor and every replica this session started; safe to call more than once. */
    @Override
    public void close() {
        synchronized (switching) {
            closed = true;
            deployment.close();
        }
        work.shutdownNow();
    }
}
