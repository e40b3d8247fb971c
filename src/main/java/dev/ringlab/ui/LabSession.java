package dev.ringlab.ui;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.balancer.Dispatcher;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the window drives, without JavaFX: one backend, the cluster on it, its health monitor
 * and the request path. Every operation that may block (starting a replica, a request) runs on the
 * session's worker threads and answers with a future, so the controller never waits on the FX thread.
 * Switching the backend replaces all of it at once; listeners stay subscribed across the switch.
 */
public final class LabSession implements AutoCloseable {

    /** The cluster on one backend and what serves it; replaced whole when the backend changes. */
    private record Deployment(Cluster cluster, HealthMonitor monitor, Dispatcher dispatcher) {

        static Deployment on(Backend backend, RingConfig config, Consumer<ClusterEvent> events) {
            Cluster cluster = new Cluster(backend, config);
            cluster.subscribe(events);
            return new Deployment(cluster,
                    new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, HealthMonitor.DEFAULT_MISSES),
                    new Dispatcher(cluster, backend.client()));
        }

        void close() {
            monitor.close();
            cluster.close();
        }
    }

    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-window-work");
        thread.setDaemon(true);
        return thread;
    });
    private final Object switching = new Object();
    private volatile Deployment deployment;
    private volatile RequestTally tally = new RequestTally();
    private volatile boolean started;
    private volatile boolean closed;

    public LabSession(Backend backend, RingConfig config) {
        this.deployment = Deployment.on(backend, config, this::publish);
    }

    /** Starts watching health; call once the window listens to events. */
    public LabSession start() {
        started = true;
        deployment.monitor().start();
        return this;
    }

    public Cluster cluster() {
        return deployment.cluster();
    }

    public RingSnapshot ring() {
        return deployment.cluster().ring();
    }

    RequestTally tally() {
        return tally;
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
        List<String> names = name == null || name.isBlank() ? List.of() : List.of(name.trim());
        return async(() -> cluster().add(1, names));
    }

    public CompletableFuture<List<Server>> add(int n) {
        return async(() -> cluster().add(n, List.of()));
    }

    public CompletableFuture<List<Server>> remove(String name) {
        return async(() -> cluster().remove(1, List.of(name)));
    }

    public CompletableFuture<Server> kill(String name) {
        return async(() -> cluster().kill(name));
    }

    public CompletableFuture<RingConfig> reconfigure(RingConfig config) {
        return async(() -> {
            cluster().reconfigure(config);
            return config;
        });
    }

    /**
     * Moves to another backend: opens it (which may fail, leaving everything as it was), stops every
     * replica of the old one, and starts as many servers on the new one, on a ring of the same shape.
     */
    public CompletableFuture<Cluster> switchTo(Supplier<Backend> backends) {
        return async(() -> {
            synchronized (switching) {
                Backend next = backends.get();
                Deployment old = deployment;
                int servers = old.cluster().ring().size();
                Deployment fresh = Deployment.on(next, old.cluster().ring().config(), this::publish);
                old.close();
                tally = new RequestTally();
                deployment = fresh;
                if (closed) {
                    fresh.close();
                    return fresh.cluster();
                }
                if (started) {
                    fresh.monitor().start();
                }
                if (servers > 0) {
                    fresh.cluster().add(servers, List.of());
                }
                return fresh.cluster();
            }
        });
    }

    /** Sends one request with a random key through the ring, as the balancer would, and tallies where it landed. */
    public CompletableFuture<Dispatch> sendOne() {
        return async(() -> send(ThreadLocalRandom.current().nextLong(0, 1_000_000)));
    }

    /** Sends a request with {@code key} on the calling thread; for runs that already are off the FX thread. */
    public Dispatch send(long key) {
        Deployment current = deployment;
        Dispatch dispatch = current.dispatcher().dispatch(key, "/home");
        record(current.cluster().ring(), dispatch);
        return dispatch;
    }

    private void record(RingSnapshot ring, Dispatch dispatch) {
        RequestTally counts = tally;
        if (!dispatch.answered()) {
            counts.failed();
            return;
        }
        int nodeSlot = ring.isEmpty() || ring.config().slots() <= dispatch.slot() ? dispatch.slot()
                : ring.owningVirtualNode(dispatch.slot()).slot();
        counts.served(new RequestTally.Landing(dispatch.slot(), nodeSlot, dispatch.server()));
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
