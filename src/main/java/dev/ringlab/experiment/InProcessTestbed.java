package dev.ringlab.experiment;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.balancer.Dispatcher;
import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import java.util.function.Supplier;

/**
 * A cluster in this process on any {@link Backend}, with the balancer's own {@link Dispatcher}
 * routing the requests and a {@link HealthMonitor} watching the replicas: on the simulation backend
 * every experiment runs without a network, along the same code path the HTTP balancer takes.
 */
public final class InProcessTestbed implements Testbed {

    /** What an experiment asks the replicas for: the classic {@code /home}. */
    public static final String PATH = "/home";

    private final Cluster cluster;
    private final Dispatcher dispatcher;
    private final Membership membership;
    /** Stops what this testbed owns, or gives a borrowed cluster back as it was. */
    private final Runnable closing;
    /** The lab this testbed started, or null when it borrows the window's cluster. */
    private final Lab lab;

    private InProcessTestbed(Cluster cluster, Membership membership, Runnable closing, Lab lab) {
        this(cluster, new Dispatcher(cluster, cluster.backend().client()), membership, closing, lab);
    }

    private InProcessTestbed(Cluster cluster, Dispatcher dispatcher, Membership membership, Runnable closing, Lab lab) {
        this.lab = lab;
        this.cluster = cluster;
        this.dispatcher = dispatcher;
        this.membership = membership;
        this.closing = closing;
    }

    /** Each testbed it opens gets a new backend from {@code backends} and closes it when done. */
    public static TestbedFactory factory(Supplier<? extends Backend> backends) {
        return (ring, servers) -> open(backends.get(), ring, servers);
    }

    /** Starts {@code servers} servers on {@code backend}; the testbed owns and closes the backend. */
    public static InProcessTestbed open(Backend backend, RingConfig ring, int servers) {
        Lab lab = Lab.open(backend, ring);
        try {
            lab.startServers(servers);
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
        return new InProcessTestbed(lab.cluster(), new ClusterMembership(lab.cluster()), lab::close, lab);
    }

    /**
     * Testbeds over a cluster that already runs (the window's): each one shapes that cluster to the ring
     * and server count asked for, from the owner's own servers, and gives it back exactly as it was when closed
     * (the same servers under the same ids and weights, every virtual node on its slot, the same placement
     * algorithm: {@link ClusterLoan}). The owner keeps its own health monitor, which is what
     * notices A-3's kill, and keeps the cluster running.
     */
    public static TestbedFactory sharing(Cluster cluster) {
        return sharing(cluster, FailoverRoute.ring(cluster));
    }

    /**
     * The same, sending along the owner's {@code route}: its live placement (whatever algorithm the owner
     * routes by) and its one count of what each server answered, shared with the owner's other callers.
     */
    public static TestbedFactory sharing(Cluster cluster, FailoverRoute route) {
        ClusterMembership membership = new ClusterMembership(cluster);
        BorrowedServers borrowed = new BorrowedServers(membership);
        ClusterLoan loan = new ClusterLoan(cluster, route);
        return (ring, servers) -> {
            loan.begin();
            try {
                borrowed.shape(servers, () -> reconfigure(cluster, ring));
            } catch (ClusterException | TestbedException failure) {
                borrowed.restoreExactly(loan::giveBack);
                throw failure instanceof TestbedException testbed ? testbed
                        : new TestbedException(failure.getMessage(), failure);
            }
            return new InProcessTestbed(cluster, new Dispatcher(route, cluster.backend().client()), membership,
                    () -> borrowed.restoreExactly(loan::giveBack), null);
        };
    }

    private static void reconfigure(Cluster cluster, RingConfig ring) {
        try {
            cluster.reconfigure(ring);
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    /** The cluster itself, for a window that wants to show it while an experiment runs. */
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public String description() {
        return cluster.backend().kind().label() + ", in-process dispatcher";
    }

    @Override
    public Delivery send(long key) {
        long started = System.nanoTime();
        Dispatch dispatch = dispatcher.dispatch(key, PATH);
        long latency = System.nanoTime() - started;
        if (!dispatch.answered()) {
            return new Delivery(key, dispatch.slot(), null, 0, latency, dispatch.attempts());
        }
        return new Delivery(key, dispatch.slot(), dispatch.server().name(), dispatch.reply().status(), latency,
                dispatch.attempts());
    }

    @Override
    public void use(dev.ringlab.ring.algorithm.Algorithm algorithm) {
        dispatcher.placement().use(algorithm);
    }

    @Override
    public dev.ringlab.balancer.FailoverRoute route() {
        return dispatcher.route();
    }

    @Override
    public void hysteresis(int fall, int rise) {
        if (lab == null) {
            Testbed.super.hysteresis(fall, rise);
        } else {
            lab.health().hysteresis(fall, rise);
        }
    }

    @Override
    public Membership membership() {
        return membership;
    }

    @Override
    public void close() {
        closing.run();
    }
}
