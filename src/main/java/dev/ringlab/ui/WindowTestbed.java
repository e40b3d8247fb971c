package dev.ringlab.ui;

import dev.ringlab.experiment.Delivery;
import dev.ringlab.experiment.InProcessTestbed;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.experiment.Membership;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.palette.ServerColours;

/**
 * The window's own cluster as an experiment's testbed (the experiments' shared-cluster testbed, reshaped
 * for the run and left running), sending along the window's route (the placement chosen in the window,
 * counted in the servers table), with every answer also shown as a flash on the ring and in the live chart.
 */
final class WindowTestbed implements Testbed {

    private final Testbed shared;
    private final LabSession session;
    private final LiveTally live;
    private final boolean held;
    /** An experiment's: the teacher's hold is lent quietly, not lifted and set again for all to see. */
    private final boolean quiet;
    private Runnable restoreHysteresis;
    /** Passive health's ejections heard for the live chart, from the stream's start to {@link #close}. */
    private AutoCloseable ejections;

    /** The colours the window's servers had before the run, theirs again after it. */
    private final java.util.Map<String, String> colours;

    private WindowTestbed(Testbed shared, LabSession session, LiveTally live, boolean held,
                          java.util.Map<String, String> colours, boolean quiet) {
        this.quiet = quiet;
        this.shared = shared;
        this.session = session;
        this.live = live;
        this.held = held;
        this.colours = colours;
    }

    /** For lessons: their own hold steps show in the window, and so does lifting the teacher's hold. */
    static TestbedFactory factory(LabSession session, LiveTally live) {
        return factory(session, live, false);
    }

    /** For experiments: the teacher's hold is lent to the run and put back unseen ({@link LabSession#lendHold}). */
    static TestbedFactory forExperiments(LabSession session, LiveTally live) {
        return factory(session, live, true);
    }

    private static TestbedFactory factory(LabSession session, LiveTally live, boolean quiet) {
        return (ring, servers) -> {
            // along the window's own route (its placement, the served column's one counter); an experiment
            // kills and waits for the replacement, so a teacher's hold is lifted for its run
            boolean held = !session.cluster().replacesDead();
            // the colours of the servers on the ring and of those a hold keeps dead, which come back too
            java.util.List<dev.ringlab.ring.Server> shown = new java.util.ArrayList<>(session.ring().servers());
            session.cluster().members().stream().filter(member -> member.state() == dev.ringlab.cluster.MemberState.DEAD)
                    .forEach(member -> shown.add(member.server()));
            java.util.Map<String, String> colours = ServerColours.held(shown);
            WindowTestbed testbed = new WindowTestbed(InProcessTestbed.sharing(session.cluster(), session.route())
                    .open(ring, servers), session, live, held, colours, quiet);
            // lifted once the loan has set the teacher's dead servers aside (Cluster.lend): they stay dead
            if (held) {
                testbed.hold(false);
            }
            return testbed;
        };
    }

    /** The teacher's hold lifted for the run (false) or put back (true). */
    private void hold(boolean hold) {
        if (quiet) {
            session.lendHold(!hold);
        } else {
            session.holdReplacements(hold);
        }
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

    /**
     * The live chart counts a paced stream from its own first request, as the run's final chart does, and
     * marks passive health's ejections and returns, as the final chart does.
     */
    @Override
    public void streamStarts(long originNanos) {
        live.startStream(originNanos);
        if (ejections == null) {
            ejections = route().watchEjections(live::record);
        }
    }

    @Override
    public Membership membership() {
        return shared.membership();
    }

    /**
     * A lesson's {@code algorithm}: the window's own route switches, as its chooser does (which then shows
     * it); the loan gives the window's algorithm back when this testbed closes. Not recorded: a lesson
     * plays while the session's recorder is suspended, and what it switched it also switches back.
     */
    @Override
    public void use(dev.ringlab.ring.algorithm.Algorithm algorithm) {
        shared.use(algorithm);
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
        try {
            if (ejections != null) {
                ejections.close();
            }
        } catch (Exception unwatching) {
            // no longer listening is all that was asked
        }
        try {
            if (restoreHysteresis != null) {
                restoreHysteresis.run();
            }
            if (held) { // before the give-back, which brings the teacher's dead servers back dead and owed
                hold(true);
            }
            shared.close();
            ServerColours.giveBack(colours);
        } finally {
            if (held) { // untouched otherwise: the log says nothing of a hold nobody asked for
                hold(true);
            } else if (!session.cluster().replacesDead()) {
                // a lesson's own "replacement: hold", stopped before its release: the switch goes back to off
                session.cluster().setReplaceDead(true);
            }
        }
    }
}
