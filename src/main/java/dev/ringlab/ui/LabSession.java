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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the window drives, without JavaFX: one backend, the cluster on it, its health monitor
 * and the request path. Every operation that may block (starting a replica, a request) runs on the
 * session's worker threads and answers with a future, so the controller never waits on the FX thread.
 */
public final class LabSession implements AutoCloseable {

    private final Cluster cluster;
    private final HealthMonitor monitor;
    private final Dispatcher dispatcher;
    private final RequestTally tally = new RequestTally();
    private final ExecutorService work = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-window-work");
        thread.setDaemon(true);
        return thread;
    });

    public LabSession(Backend backend, RingConfig config) {
        this.cluster = new Cluster(backend, config);
        this.monitor = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, HealthMonitor.DEFAULT_MISSES);
        this.dispatcher = new Dispatcher(cluster, backend.client());
    }

    /** Starts watching health; call once the window listens to events. */
    public LabSession start() {
        monitor.start();
        return this;
    }

    public Cluster cluster() {
        return cluster;
    }

    public RingSnapshot ring() {
        return cluster.ring();
    }

    RequestTally tally() {
        return tally;
    }

    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        return cluster.subscribe(listener);
    }

    /** Adds one server, named {@code name} when it is not blank. */
    public CompletableFuture<List<Server>> add(String name) {
        List<String> names = name == null || name.isBlank() ? List.of() : List.of(name.trim());
        return async(() -> cluster.add(1, names));
    }

    public CompletableFuture<List<Server>> add(int n) {
        return async(() -> cluster.add(n, List.of()));
    }

    public CompletableFuture<List<Server>> remove(String name) {
        return async(() -> cluster.remove(1, List.of(name)));
    }

    public CompletableFuture<Server> kill(String name) {
        return async(() -> cluster.kill(name));
    }

    public CompletableFuture<RingConfig> reconfigure(RingConfig config) {
        return async(() -> {
            cluster.reconfigure(config);
            return config;
        });
    }

    /** Sends one request with a random key through the ring, as the balancer would, and tallies where it landed. */
    public CompletableFuture<Dispatch> sendOne() {
        return async(() -> send(ThreadLocalRandom.current().nextLong(0, 1_000_000)));
    }

    /** Sends a request with {@code key} on the calling thread; for runs that already are off the FX thread. */
    public Dispatch send(long key) {
        Dispatch dispatch = dispatcher.dispatch(key, "/home");
        record(dispatch);
        return dispatch;
    }

    void record(Dispatch dispatch) {
        if (!dispatch.answered()) {
            tally.failed();
            return;
        }
        RingSnapshot ring = cluster.ring();
        int nodeSlot = ring.isEmpty() ? dispatch.slot() : ring.owningVirtualNode(dispatch.slot()).slot();
        tally.served(new RequestTally.Landing(dispatch.slot(), nodeSlot, dispatch.server()));
    }

    <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, work);
    }

    /** Stops the monitor and every replica this session started; safe to call more than once. */
    @Override
    public void close() {
        monitor.close();
        cluster.close();
        work.shutdownNow();
    }
}
