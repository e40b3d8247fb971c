package dev.ringlab.ui;

import dev.ringlab.experiment.Delivery;
import dev.ringlab.experiment.InProcessTestbed;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.experiment.Membership;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.experiment.TestbedFactory;

/**
 * The window's own cluster as an experiment's testbed (the experiments' shared-cluster testbed, reshaped
 * for the run and left running), sending along the window's route (the placement chosen in the window,
 * counted in the servers table), with every answer also shown as a flash on the ring and in the live chart.
 */
final class WindowTestbed implements Testbed {

    private final Testbed shared;
    private final LabSession session;
    private final LiveTally live;
    private Runnable restoreHysteresis;

    private WindowTestbed(Testbed shared, LabSession session, LiveTally live) {
        this.shared = shared;
        this.session = session;
        this.live = live;
    }

    static TestbedFactory factory(LabSession session, LiveTally live) {
        // along the window's own route: its placement, and the served column's one counter
        return (ring, servers) -> new WindowTestbed(InProcessTestbed.sharing(session.cluster(), session.route())
                .open(ring, servers), session, live);
    }

    @Override
    public String description() {
        return session.cluster().backend().kind().label() + ", the window's cluster, routed by "
                + session.algorithm().label();
    }

    @Override
    public Delivery send(long key) {
        Delivery delivery = shared.send(key);
        live.record(delivery);
        session.landed(delivery.slot(), delivery.server());
        return delivery;
    }

    @Override
    public Membership membership() {
        return shared.membership();
    }

    /** The run's own route over the window's cluster: A-6 sets its try timeout and passive health there. */
    @Override
    public dev.ringlab.balancer.FailoverRoute route() {
        return shared.route();
    }

    /** The window's heartbeats for this run (flapping); {@link #close} gives them back their fall and rise. */
    @Override
    public void hysteresis(int fall, int rise) {
        if (restoreHysteresis == null) {
            int before = session.health().fall();
            int beforeRise = session.health().rise();
            restoreHysteresis = () -> session.health().hysteresis(before, beforeRise);
        }
        session.health().hysteresis(fall, rise);
    }

    @Override
    public void close() {
        if (restoreHysteresis != null) {
            restoreHysteresis.run();
        }
        shared.close();
    }
}
