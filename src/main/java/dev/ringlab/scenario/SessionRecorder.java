package dev.ringlab.scenario;

import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Fault;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.algorithm.Algorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes down what happens in a window session as the steps of a scenario, so "save the session as a
 * scenario" gives a file {@code ringlab scenario run} plays back. Changes to the servers are read from
 * the cluster's events (so servers added, removed, killed, frozen or slowed through the balancer's API
 * count too); sends, analyses and the placement algorithm are told by the window.
 *
 * <p>Names: a scenario names servers as the cluster will when it is played ({@code Server 1..n}, a
 * newcomer or a replacement taking the next number, a killed server's replacement reserved at the
 * kill, or under a hold at the release, as {@link ScenarioReader} plans it), so each server of the session is mapped to that name; a
 * server added under a name of one's own ({@code S5}) keeps it, and its weight, in the file's {@code add}
 * step. Thread-safe: events come on the cluster's threads, the rest on the window's.
 *
 * <p>Holding replacements: the cluster says nothing when its switch turns, so the window tells
 * ({@link #replacement}), and the file gets {@code replacement: hold} / {@code release} where it
 * happened. A played file holds at once where the session's hold may have come a moment late, so the
 * waits are kept true to what the player will do: see {@link #replaced}.
 */
public final class SessionRecorder {

    /** How long a recorded {@code wait} for a replacement (or, under a hold, for the death) may take when played. */
    static final Duration REPLACEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final long seed;
    private final RingConfig startRing;
    private final Algorithm startAlgorithm;
    /** The scenario's {@code servers:}: the servers the session had when it started. */
    private int startServers;
    private final Function<String, Fault> faults;
    private String backend;
    private RingConfig ring;
    private final List<Action> actions = new ArrayList<>();
    /** The session's name of each server on the ring, to the name the scenario gives it. */
    private final Map<String, String> names = new HashMap<>();
    /** A killed server's session name, to the scenario name reserved for its replacement. */
    private final Map<String, String> reserved = new HashMap<>();
    /** Session names of servers that died under the file's hold, in order: their replacements are named at the release. */
    private final List<String> heldDead = new ArrayList<>();
    /** Session names of servers a recorded step killed or froze: their death is no news. */
    private final Set<String> expectedDeaths = new HashSet<>();
    private int nextId = 1;
    private int suspended;
    /** The window's "Hold replacement" switch as last told, even while suspended (an experiment lifts it, then puts it back). */
    private boolean switchHeld;
    /** Whether the steps written so far leave replacements held: what a played file's cluster does next. */
    private boolean held;

    /**
     * @param servers the session's servers on the ring when recording starts, in the order they joined; when
     *                none, the servers the session first adds are the scenario's {@code servers:}
     * @param faults  the fault now set on a server, by its session name (the events only describe it)
     */
    public SessionRecorder(String backend, RingConfig ring, Algorithm algorithm, List<String> servers, long seed,
                           Function<String, Fault> faults) {
        this.backend = Scenario.BACKENDS.contains(backend) ? backend : "auto";
        this.startRing = ring;
        this.ring = ring;
        this.startAlgorithm = algorithm;
        this.startServers = servers.size();
        this.seed = seed;
        this.faults = faults;
        servers.forEach(name -> names.put(name, "Server " + nextId++));
    }

    /** Stops reading events while the window runs something that records itself (an analysis, a scenario). */
    public synchronized void suspend() {
        suspended++;
    }

    public synchronized void resume() {
        suspended = Math.max(0, suspended - 1);
        if (suspended == 0) {
            settleHold(); // whatever ran meanwhile may have left the switch turned (a lesson that held and never released)
        }
    }

    /**
     * The window's "Hold replacement" switch is now {@code hold}; told again with the same value (the box
     * following the cluster) it writes nothing. Call before turning the cluster's switch, so a release is
     * written before the waits for the replacements it lets in.
     */
    public synchronized void replacement(boolean hold) {
        switchHeld = hold;
        if (suspended == 0) {
            settleHold();
        }
    }

    private void settleHold() {
        if (switchHeld == held) {
            return;
        }
        if (switchHeld) {
            held = true;
            actions.add(new Action.Replacement(true));
        } else {
            release();
        }
    }

    private void release() {
        held = false;
        actions.add(new Action.Replacement(false));
        // the cluster numbers a held replacement when the release starts it, and so does the reader
        heldDead.forEach(session -> reserved.put(session, "Server " + nextId++));
        heldDead.clear();
    }

    /** The cluster's events, as the session publishes them; never blocks. */
    public synchronized void record(ClusterEvent event) {
        if (suspended > 0) {
            return;
        }
        if (event instanceof ClusterEvent.MemberUp up) {
            String name = up.member().server().name();
            if (up.replaces() == null) {
                joined(up.member().server());
                return;
            }
            String dead = up.replaces().name();
            String deadName = scenarioName(dead);
            // died under the file's hold, yet replaced: the hold was lifted while nothing was recorded (an
            // experiment's run), so the file lifts it too, for as long as this replacement takes
            boolean letIn = held && heldDead.contains(dead);
            if (letIn) {
                release();
            }
            String reservedName = reserved.remove(dead);
            names.put(name, reservedName != null ? reservedName : "Server " + nextId++);
            names.remove(dead);
            replaced(new Action.Wait(null, Action.Wait.Until.REPLACED, deadName, REPLACEMENT_TIMEOUT));
            if (letIn) {
                held = true;
                actions.add(new Action.Replacement(true));
            }
        } else if (event instanceof ClusterEvent.MemberKilled killed) {
            kill(killed.server().name());
        } else if (event instanceof ClusterEvent.MemberDead dead) {
            declaredDead(dead.server().name());
        } else if (event instanceof ClusterEvent.MemberRemoved removed && names.containsKey(removed.server().name())) {
            actions.add(new Action.Remove(List.of(scenarioName(removed.server().name())), 1));
            names.remove(removed.server().name());
        } else if (event instanceof ClusterEvent.MemberFaulted faulted && names.containsKey(faulted.server().name())) {
            fault(faulted.server().name(), faulted.what());
        } else if (event instanceof ClusterEvent.RingChanged changed) {
            reshaped(changed.before(), changed.after());
        }
    }

    /**
     * A server joined, not as a replacement: a generated name ({@code /add} refuses "Server 4" as a hostname)
     * is the file's next Server N; a name of one's own ({@code S5}) stays, with its weight, and takes an
     * id as the cluster gives it one. Consecutive adds are one step.
     */
    private void joined(dev.ringlab.ring.Server server) {
        String own = dev.ringlab.cluster.Cluster.HOSTNAME.matcher(server.name()).matches() ? server.name() : null;
        names.put(server.name(), own != null ? own : "Server " + nextId);
        nextId++;
        Action.Add merged = actions.isEmpty() || !(actions.get(actions.size() - 1) instanceof Action.Add add) ? null
                : add.then(own, server.weight());
        if (merged != null) {
            actions.set(actions.size() - 1, merged);
        } else {
            actions.add(new Action.Add(1, own == null ? List.of() : List.of(own), List.of(server.weight())));
        }
    }

    /**
     * The servers on the ring now are the scenario's start ({@code servers:}), not a step: told once the
     * window's first servers joined, so an add after them is a step of its own, with its names and weights.
     */
    public synchronized void started() {
        if (startServers == 0 && actions.size() == 1 && actions.get(0) instanceof Action.Add first && first.plain()) {
            startServers = first.count();
            actions.clear();
        }
    }

    /**
     * A replacement joined. Under the file's hold, of a server that died before it, it must have started
     * before the hold (the cluster starts none while held: the teacher held while it was already starting);
     * a played file holds at once and its replacement would wait for a release, so its wait goes just
     * before that hold: the same servers, a moment earlier, and never a wait the reader refuses.
     */
    private void replaced(Action.Wait wait) {
        int at = actions.size();
        if (held) {
            at = actions.lastIndexOf(new Action.Replacement(true));
        }
        actions.add(at, wait);
    }

    private void declaredDead(String session) {
        boolean expected = expectedDeaths.remove(session);
        if (!names.containsKey(session)) {
            return;
        }
        if (!expected) {
            // killed outside the lab (a terminal's kill -9, docker kill): played back as a kill
            kill(session);
            expectedDeaths.remove(session);
        }
        if (held) {
            // what the teacher showed: the ring without it and nobody in its place; a played file would
            // otherwise run on to the release before the health monitor noticed, and never show that ring
            actions.add(new Action.Wait(null, Action.Wait.Until.DETECTED, scenarioName(session), REPLACEMENT_TIMEOUT));
            // a frozen server counts as dead from this wait on: its replacement is named at the release
            if (!reserved.containsKey(session) && !heldDead.contains(session)) {
                heldDead.add(session);
            }
        }
    }

    private void kill(String session) {
        String name = scenarioName(session);
        actions.add(new Action.Kill(name));
        expectedDeaths.add(session);
        if (held) {
            heldDead.add(session);
        } else {
            reserved.put(session, "Server " + nextId++);
        }
    }

    private void fault(String session, String what) {
        String name = scenarioName(session);
        switch (what) {
            case "frozen" -> {
                actions.add(new Action.Freeze(name));
                expectedDeaths.add(session);
            }
            case "thawed" -> {
                actions.add(new Action.Thaw(name));
                expectedDeaths.remove(session);
            }
            default -> {
                Fault fault = faults.apply(session);
                actions.add(fault == null || fault.isNone() ? new Action.Clear(name)
                        : new Action.Slow(name, fault.latencyMs(), fault.errorRate()));
            }
        }
    }

    private void reshaped(RingSnapshot before, RingSnapshot after) {
        if (before == null || after == null || before.config().equals(after.config()) || after.config().equals(ring)) {
            return;
        }
        ring = after.config();
        actions.add(new Action.Reshape(ring, null));
    }

    /** The window sent {@code requests} requests; consecutive sends are one step. */
    public synchronized void sent(int requests) {
        if (suspended > 0 || requests < 1) {
            return;
        }
        if (!actions.isEmpty() && actions.get(actions.size() - 1) instanceof Action.Send send && send.seed() == null
                && send.concurrency() == 1 && send.rate() == 0) {
            actions.set(actions.size() - 1, new Action.Send(send.requests() + requests, null, 1, 0));
        } else {
            actions.add(new Action.Send(requests, null, 1, 0));
        }
    }

    /**
     * The balancer now routes by {@code algorithm}. Not while suspended: a lesson or an analysis that
     * borrowed the cluster gives its algorithm back when it ends.
     */
    public synchronized void placement(Algorithm algorithm) {
        if (suspended > 0) {
            return;
        }
        actions.add(new Action.Reshape(ring, algorithm));
    }

    /**
     * The window ran analysis {@code code} with {@code input} (its workload's seed included).
     *
     * @throws IllegalArgumentException when no analysis has that code, or it refuses the input
     */
    public synchronized void analysis(String code, AnalysisInput input) {
        actions.add(new Action.Analysis(RegisteredAnalyses.planOf(code, input)));
    }

    /**
     * The session moved to another backend and started its servers again there, under the same names
     * ({@code servers}): each keeps the name the scenario gave it; what was owed to the dead is not.
     */
    public synchronized void rebound(String newBackend, List<String> servers) {
        backend = Scenario.BACKENDS.contains(newBackend) ? newBackend : "auto";
        names.keySet().retainAll(servers);
        servers.forEach(server -> names.computeIfAbsent(server, unknown -> "Server " + nextId++));
        reserved.clear();
        heldDead.clear();
        expectedDeaths.clear();
    }

    /** How many steps so far. */
    public synchronized int steps() {
        return actions.size();
    }

    /** What was recorded, as a scenario (not yet checked by the reader: {@link #yaml} then reading it back does). */
    public synchronized Scenario scenario(String title, String source) {
        List<Action> played = actions;
        int servers = startServers;
        if (servers == 0 && !actions.isEmpty() && actions.get(0) instanceof Action.Add first && first.plain()) {
            servers = first.count(); // the window's first servers, started before anything else happened
            played = actions.subList(1, actions.size());
        }
        List<Step> steps = new ArrayList<>();
        for (Action action : played) {
            steps.add(new Step(steps.size() + 1, 0, action, null, List.of()));
        }
        return new Scenario(source, title, "Recorded in the RingLab window.", seed, backend, startRing, startAlgorithm,
                servers, steps, 0);
    }

    /** The file to save: what {@code ringlab scenario run} plays back. */
    public synchronized String yaml(String title) {
        return ScenarioWriter.write(scenario(title, "recorded"), "Saved from a RingLab window session; play it with "
                + "'ringlab scenario run FILE'.\nAdd a caption: and an expect: to any step to make it a lesson.");
    }

    private String scenarioName(String session) {
        return names.getOrDefault(session, session);
    }
}
