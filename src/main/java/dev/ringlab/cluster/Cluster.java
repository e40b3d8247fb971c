package dev.ringlab.cluster;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desired set of servers, their replicas and the ring they form. Membership changes are
 * serialised here and published as a new {@link RingSnapshot} with one volatile write; every change
 * is also an event. A request that cannot be carried out as asked throws {@link ClusterException}
 * and leaves the cluster as it was.
 *
 * <p>The cluster reconciles toward its desired size like an orchestrator's controller loop (a
 * Kubernetes ReplicaSet): {@code add} and {@code remove} change the desired size; every server that
 * dies is owed a replacement, and a controller thread starts what is owed, all in parallel. A
 * replacement that fails to start (or dies while it starts) is cleaned up at once and retried after a
 * capped exponential backoff ({@link #RETRY_FIRST} doubling up to {@link #RETRY_CAP}), until the
 * cluster is back to the size asked for. A backend that does not answer at all is reported once and
 * retried at that pace until it answers again.
 */
public final class Cluster implements AutoCloseable {

    /** Hostnames become process and container names: letters, digits, '-', '_' and '.'. */
    public static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    /** The wait before the second attempt to replace a server; it doubles with each failure. */
    public static final Duration RETRY_FIRST = Duration.ofMillis(250);
    /** The longest wait between two attempts, so a backend that comes back is used within seconds. */
    public static final Duration RETRY_CAP = Duration.ofSeconds(8);
    /** How often the controller looks again even when nothing told it to (a safety net, like a resync). */
    private static final Duration RESYNC = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final Backend backend;
    private final Clock clock;
    private final Random random;
    private final Duration startTimeout;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Stops at once on close: enough for a lab's servers, few enough not to swamp an engine. */
    private static final int MAX_PARALLEL_STOPS = 16;
    /** The controller loop: compares the servers that are up (or starting) with the desired size. */
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor(daemon("ringlab-reconciler"));
    private final ExecutorService starters = Executors.newCachedThreadPool(daemon("ringlab-starter"));

    private final Object lock = new Object();
    private final Map<Server, Member> members = new LinkedHashMap<>();
    /**
     * The ring and the replicas of the servers on it, for the hot path: replaced whole, under the lock,
     * with one volatile write on every change, so no reader sees one membership's ring with another's
     * replicas.
     */
    private volatile Topology topology;
    private volatile boolean replaceDead = true;
    /** The backend's news of replicas that end, followed while a health monitor runs; guarded by {@link #lock}. */
    private AutoCloseable deathWatch;
    private volatile boolean closed;
    private int nextId = 1;
    /**
     * The weight of each server that left (removed or dead) weighing more than 1, by name, so that
     * {@link #readmit} brings it back as it was; the oldest go first beyond a few hundred. Guarded by {@link #lock}.
     */
    private final Map<String, Integer> departedWeights = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 512;
        }
    };
    /** How many servers the user asked for: changed by add and remove only, never by a death. */
    private int desired;
    /** Servers whose replica is frozen now; guarded by {@link #lock}. A dead one leaves the members, and this set with them. */
    private final Set<Server> frozen = new HashSet<>();
    /** The latency and error rate set on servers, as {@link #fault} last set them; guarded by {@link #lock}. */
    private final Map<Server, Fault> faults = new java.util.HashMap<>();
    /** Dead servers still owed a replacement, oldest first; guarded by {@link #lock}. */
    private final Deque<Owed> owed = new ArrayDeque<>();
    /** Replacements starting now; guarded by {@link #lock}. */
    private int replacing;
    /** Whether the backend was last seen not answering at all, so that is said once, not per retry. */
    private boolean backendDown;

    public Cluster(Backend backend, RingConfig config) {
        this(backend, config, new Random(), DEFAULT_START_TIMEOUT, Clock.systemUTC());
    }

    public Cluster(Backend backend, RingConfig config, Random random, Duration startTimeout, Clock clock) {
        this.backend = backend;
        this.topology = new Topology(RingSnapshot.empty(config), Map.of());
        this.random = random;
        this.startTimeout = startTimeout;
        this.clock = clock;
        controller.scheduleWithFixedDelay(this::reconcileSafely, RESYNC.toMillis(), RESYNC.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The current ring; hold on to it for a consistent view. */
    public RingSnapshot ring() {
        return topology.ring();
    }

    /** The ring and the replica of each server on it, read together: what a request routes by. */
    public Topology topology() {
        return topology;
    }

    /** The replica serving {@code server}, or null when it is not up: lock-free, for the hot path. */
    public Replica replicaOf(Server server) {
        return topology.replicaOf(server);
    }

    public Backend backend() {
        return backend;
    }

    /** Every server the cluster knows of, in the order they joined. */
    public List<Member> members() {
        synchronized (lock) {
            return List.copyOf(members.values());
        }
    }

    public Optional<Member> member(String name) {
        synchronized (lock) {
            return members.values().stream().filter(m -> m.server().name().equals(name)).findFirst();
        }
    }

    /** How many servers the user asked for; the cluster works toward it whatever dies. */
    public int desiredSize() {
        synchronized (lock) {
            return desired;
        }
    }

    /**
     * Whether dead servers are replaced automatically (on by default); turning it on replaces what is owed.
     * Off, the cluster <em>holds</em> replacements: a server declared dead leaves the ring at once but stays
     * in {@link #members()} as {@link MemberState#DEAD}, owed, so a teacher can show the ring without it;
     * turning it back on releases every replacement held.
     */
    public void setReplaceDead(boolean replace) {
        this.replaceDead = replace;
        if (replace) {
            kick(0);
        }
    }

    /** Whether dead servers are replaced now, or their replacements are held ({@link #setReplaceDead}). */
    public boolean replacesDead() {
        return replaceDead;
    }

    /** Receives every event, on the thread that caused it; listeners must not block. */
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Starts {@code n} servers and puts them on the ring once each answers its first heartbeat.
     * Hostnames fewer than {@code n} are completed with generated names ({@code Server <id>}).
     */
    public List<Server> add(int n, List<String> hostnames) {
        return add(n, hostnames, List.of(), true);
    }

    /**
     * {@link #add(int, List)} with a weight (capacity) per new server, in the order the servers are
     * named: the hostnames first, then the generated names. Servers past the end of {@code weights}
     * weigh 1. A server of weight w takes w times the ring's virtual nodes, so the ring must have room
     * for the total weight; otherwise nothing starts.
     */
    public List<Server> add(int n, List<String> hostnames, List<Integer> weights) {
        return add(n, hostnames, weights, true);
    }

    /**
     * Brings servers back under names they had before, generated ones ({@code Server 4}) included, which
     * {@link #add} refuses as hostnames: an experiment that borrowed this cluster gives it back as it was.
     */
    public List<Server> readmit(List<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new ClusterException("a server to readmit needs a name");
            }
        }
        List<Integer> weights;
        synchronized (lock) {
            // Each comes back with the capacity it left with.
            weights = names.stream().map(name -> departedWeights.getOrDefault(name, Server.DEFAULT_WEIGHT)).toList();
        }
        return add(names.size(), names, weights, false);
    }

    private List<Server> add(int n, List<String> hostnames, List<Integer> weights, boolean checkHostnames) {
        List<Server> planned;
        synchronized (lock) {
            checkOpen();
            checkOwned();
            planned = Admission.plan(n, hostnames, weights, checkHostnames, ring().config(), members.keySet(),
                    () -> nextId++);
            for (Server server : planned) {
                members.put(server, new Member(server, null, MemberState.STARTING));
            }
        }
        join(startPlanned(planned, "could not start " + planned), null, planned.size());
        return List.copyOf(planned);
    }

    /**
     * Starts the servers planned (already STARTING members) side by side and waits for each one's first
     * heartbeat; on a failure stops what started, forgets the planned members and says {@code failing}.
     */
    private List<Replica> startPlanned(List<Server> planned, String failing) {
        planned.forEach(server -> publish(new ClusterEvent.MemberStarting(clock.instant(), server, null)));
        List<Replica> started = new ArrayList<>();
        try {
            startAll(planned, started);
            for (Replica replica : started) {
                awaitFirstHeartbeat(replica);
            }
        } catch (RuntimeException failure) {
            started.forEach(this::stopQuietly);
            synchronized (lock) {
                planned.forEach(members::remove);
            }
            String message = failing + ": " + failure.getMessage();
            publish(new ClusterEvent.BackendFailed(clock.instant(), message));
            throw new ClusterException(message, failure);
        }
        return started;
    }

    /** Guarded by {@link #lock}. */
    private void rememberWeight(Server server) {
        if (server.weight() != Server.DEFAULT_WEIGHT) {
            departedWeights.put(server.name(), server.weight());
        } else {
            departedWeights.remove(server.name());
        }
    }

    /**
     * Takes {@code n} servers off the ring and stops their replicas. Hostnames fewer than {@code n}
     * are completed with servers chosen at random; the last server cannot be removed.
     */
    public List<Server> remove(int n, List<String> hostnames) {
        List<Member> leaving = new ArrayList<>();
        RingSnapshot before;
        RingSnapshot after;
        synchronized (lock) {
            checkOpen();
            checkOwned();
            if (n < 1) {
                throw new ClusterException("n must be at least 1, got " + n);
            }
            if (hostnames.size() > n) {
                throw new ClusterException("Length of hostname list is more than removable instances");
            }
            List<Member> up = members.values().stream().filter(m -> m.state() == MemberState.UP).toList();
            if (n >= up.size()) {
                throw new ClusterException("cannot remove " + n + " of " + up.size()
                        + " running servers: at least one must stay");
            }
            Set<String> named = new HashSet<>();
            for (String name : hostnames) {
                if (!named.add(name)) {
                    throw new ClusterException("hostname '" + name + "' is listed twice");
                }
                Member member = up.stream().filter(m -> m.server().name().equals(name)).findFirst()
                        .orElseThrow(() -> new ClusterException("no running server is named '" + name + "'"));
                leaving.add(member);
            }
            List<Member> others = new ArrayList<>(up);
            others.removeAll(leaving);
            while (leaving.size() < n) {
                leaving.add(others.remove(random.nextInt(others.size())));
            }
            before = ring();
            after = before;
            for (Member member : leaving) {
                after = after.withoutServer(member.server());
                members.remove(member.server());
                rememberWeight(member.server());
            }
            publishTopology(after);
            desired -= leaving.size();
            dropOwedBeyondDesired();
        }
        publishRingChange(before, after);
        for (Member member : leaving) {
            stopQuietly(member.replica());
            publish(new ClusterEvent.MemberRemoved(clock.instant(), member.server()));
        }
        return leaving.stream().map(Member::server).toList();
    }

    /**
     * Puts a replica that already runs on the ring: one another balancer started, found where the
     * orchestrator lists it (a following balancer). A server the cluster knows already is left alone.
     */
    public void adopt(Replica replica) {
        synchronized (lock) {
            if (closed || members.containsKey(replica.server())
                    || members.keySet().stream().anyMatch(s -> s.name().equals(replica.server().name()))) {
                return;
            }
        }
        join(List.of(replica), null, 1);
    }

    /**
     * Takes a server off the ring without stopping its replica, which is not this cluster's to stop:
     * its owner removed it, or it died and its owner will replace it. Unknown servers change nothing.
     */
    public void forget(Server server) {
        RingSnapshot before;
        RingSnapshot after;
        synchronized (lock) {
            if (closed || members.remove(server) == null) {
                return;
            }
            desired--;
            before = ring();
            after = before.contains(server) ? before.withoutServer(server) : before;
            publishTopology(after);
        }
        if (after != before) {
            publishRingChange(before, after);
        }
        publish(new ClusterEvent.MemberRemoved(clock.instant(), server));
    }

    /** Ends a server's replica at once, like a crash; the health monitor notices and replaces it. */
    public Server kill(String name) {
        checkOwned();
        Member member = member(name).orElseThrow(() -> new ClusterException("no server is named '" + name + "'"));
        if (member.replica() == null) {
            throw new ClusterException(name + " has no running replica to kill");
        }
        // Announced before the signal: a Docker die event can declare the server dead before kill() returns,
        // and A-3 and the log must see the kill first.
        publish(new ClusterEvent.MemberKilled(clock.instant(), member.server()));
        try {
            backend.kill(member.replica());
        } catch (RuntimeException failed) {
            publish(new ClusterEvent.BackendFailed(clock.instant(), "could not kill " + name + ": "
                    + (failed.getMessage() == null ? failed : failed.getMessage())));
            throw failed;
        }
        return member.server();
    }

    /**
     * Freezes a server's replica (SIGSTOP, {@code docker pause}): a hung server that still holds its
     * port. Heartbeats time out, so after {@code fall} misses it is declared dead and replaced like a
     * killed one, and its frozen replica is stopped; thawed before that, it stays on the ring.
     */
    public Server freeze(String name) {
        Member member = faultable(name, "frozen");
        synchronized (lock) {
            if (!frozen.add(member.server())) {
                throw new ClusterException(name + " is already frozen");
            }
        }
        try {
            backend.freeze(member.replica());
        } catch (RuntimeException failed) {
            synchronized (lock) {
                frozen.remove(member.server());
            }
            throw new ClusterException("could not freeze " + name + ": " + failed.getMessage(), failed);
        }
        publish(new ClusterEvent.MemberFaulted(clock.instant(), member.server(), "frozen"));
        return member.server();
    }

    /** Lets a frozen server run again (SIGCONT, {@code docker unpause}); one already declared dead is gone, and refused. */
    public Server thaw(String name) {
        Member member = faultable(name, "thawed");
        synchronized (lock) {
            if (!frozen.contains(member.server())) {
                throw new ClusterException(name + " is not frozen");
            }
        }
        try {
            backend.thaw(member.replica());
        } catch (RuntimeException failed) {
            throw new ClusterException("could not thaw " + name + ": " + failed.getMessage(), failed);
        }
        synchronized (lock) {
            frozen.remove(member.server());
        }
        publish(new ClusterEvent.MemberFaulted(clock.instant(), member.server(), "thawed"));
        return member.server();
    }

    /** Sets (or with {@link Fault#NONE} clears) the latency and error rate a server adds to {@code /home}; heartbeats stay prompt. */
    public Server fault(String name, Fault fault) {
        Member member = faultable(name, "slowed");
        synchronized (lock) {
            if (frozen.contains(member.server())) {
                throw new ClusterException(name + " is frozen: thaw it before changing its latency or error rate");
            }
        }
        try {
            backend.fault(member.replica(), fault);
        } catch (RuntimeException failed) {
            throw new ClusterException("could not set a fault on " + name + ": " + failed.getMessage(), failed);
        }
        synchronized (lock) {
            if (fault.isNone()) {
                faults.remove(member.server());
            } else {
                faults.put(member.server(), fault);
            }
        }
        publish(new ClusterEvent.MemberFaulted(clock.instant(), member.server(), fault.describe()));
        return member.server();
    }

    /** The latency and error rate set on a server by {@link #fault}, {@link Fault#NONE} when none (or no such server). */
    public Fault faultOf(String name) {
        synchronized (lock) {
            return members.keySet().stream().filter(s -> s.name().equals(name)).findFirst()
                    .map(s -> faults.getOrDefault(s, Fault.NONE)).orElse(Fault.NONE);
        }
    }

    /** Whether a server's replica is frozen now (the servers table and the balancer's answers say so). */
    public boolean isFrozen(Server server) {
        synchronized (lock) {
            return frozen.contains(server);
        }
    }

    /** Only a server on the ring, with a replica RingLab started, can be frozen or slowed. */
    private Member faultable(String name, String doing) {
        Member member = member(name).orElseThrow(() -> new ClusterException("no server is named '" + name
                + "' (servers: " + String.join(", ", ring().servers().stream().map(Server::name).toList()) + ")"));
        if (member.state() != MemberState.UP || member.replica() == null) {
            throw new ClusterException(name + " is " + member.state().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only a server on the ring can be " + doing);
        }
        synchronized (lock) {
            frozen.retainAll(members.keySet());
            faults.keySet().retainAll(members.keySet());
        }
        return member;
    }

    /**
     * Takes a server that stopped answering off the ring and, unless disabled, owes the cluster a
     * replacement under a new name. Safe to call more than once for the same server.
     */
    public void declareDead(Server server, String reason) {
        Member dead;
        RingSnapshot before;
        RingSnapshot after;
        synchronized (lock) {
            Member member = members.get(server);
            if (closed || member == null || member.state() != MemberState.UP) {
                return;
            }
            dead = member.withState(replaceDead ? MemberState.REPLACING : MemberState.DEAD);
            members.put(server, dead);
            owed.addLast(new Owed(server, 0, 0));
            rememberWeight(server);
            before = ring();
            after = before.withoutServer(server);
            publishTopology(after);
        }
        publish(new ClusterEvent.MemberDead(clock.instant(), server, reason));
        publishRingChange(before, after);
        // What is left of the dead replica (an exited container, a zombie process) goes at once, off this thread.
        submitQuietly(() -> stopQuietly(dead.replica()));
        kick(0);
    }

    /**
     * Starts taking the backend's news of a replica that ends (a process exit, a Docker die event) as
     * its death, at once rather than after missed heartbeats. Detection is the health monitor's job, so
     * it turns this on; a cluster nobody monitors keeps dead servers on the ring, and requests fail over.
     */
    void followDeaths() {
        synchronized (lock) {
            if (deathWatch == null && !closed) {
                deathWatch = backend.watchDeaths(this::replicaDied);
            }
        }
    }

    void stopFollowingDeaths() {
        AutoCloseable watch;
        synchronized (lock) {
            watch = deathWatch;
            deathWatch = null;
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception failure) {
                LOG.debug("closing the backend's death watch failed: {}", failure.toString());
            }
        }
    }

    /** The backend saw this replica end; only the replica a server has now counts, not an old one. */
    private void replicaDied(Replica replica) {
        Member member;
        synchronized (lock) {
            member = members.get(replica.server());
        }
        if (member != null && replica.equals(member.replica())) {
            // Say how it ended when the backend knows ("its replica exited with code 137"), as a person would ask.
            declareDead(replica.server(), "its replica " + backend.ended(replica).orElse("ended"));
        }
    }

    /** Rebuilds the ring with the same servers under a new configuration (hash, slots, virtual nodes); the configuration it already has changes nothing. */
    public void reconfigure(RingConfig config) {
        RingSnapshot before;
        RingSnapshot after;
        synchronized (lock) {
            List<Server> onRing = ring().servers();
            long weight = onRing.stream().mapToLong(Server::weight).sum();
            // With every weight 1 this is size > maxServers(): V slots per unit of weight.
            if (weight * config.virtualNodesPerServer() > config.slots()) {
                throw new ClusterException(onRing.size() + " servers" + (weight == onRing.size() ? ""
                        : " of total weight " + weight) + " do not fit on a ring of " + config.slots()
                        + " slots with " + config.virtualNodesPerServer() + " virtual nodes "
                        + (weight == onRing.size() ? "each" : "per unit of weight"));
            }
            if (ring().config().equals(config)) {
                return; // the same ring: no new version, nothing for listeners to redraw
            }
            before = ring();
            // the next version, not a fresh ring's: whoever watches versions never sees one go backwards
            after = ring().reconfigured(config);
            publishTopology(after);
        }
        publishRingChange(before, after);
    }

    /** The ring, the id counter and the held dead servers now: what {@link #restore} gives back after a loan. */
    public Lineup lineup() {
        synchronized (lock) {
            return new Lineup(ring(), nextId, held());
        }
    }

    /**
     * The lineup, for a loan (an experiment, a lesson): the dead servers a hold keeps dead are set aside
     * with their debts, so that a loan which lets replacements in (A-3 kills and waits for one) does not
     * replace them meanwhile; {@link #restore} puts them back, dead and owed, as the teacher left them.
     */
    public Lineup lend() {
        synchronized (lock) {
            Lineup lineup = new Lineup(ring(), nextId, held());
            for (Server server : lineup.held()) {
                members.remove(server);
                owed.removeIf(debt -> debt.dead().equals(server));
            }
            return lineup;
        }
    }

    /** Under the lock: the members dead and not being replaced (a hold), in the order they died. */
    private List<Server> held() {
        List<Server> held = new ArrayList<>();
        for (Owed debt : owed) {
            Member member = members.get(debt.dead());
            if (member != null && member.state() == MemberState.DEAD) {
                held.add(debt.dead());
            }
        }
        return held;
    }

    /** Under the lock: the lineup's held dead servers back in the table, dead and owed again. */
    private void takeBackHeld(Lineup lineup) {
        for (Server server : lineup.held()) {
            if (!members.containsKey(server)) {
                members.put(server, new Member(server, null, replaceDead ? MemberState.REPLACING : MemberState.DEAD));
                owed.addLast(new Owed(server, 0, 0));
            }
        }
        desired = lineup.ring().size() + lineup.held().size();
    }

    /**
     * Gives the cluster back exactly as {@code lineup} had it: the same servers (ids, names, weights), each
     * virtual node on the slot it had, the same next id. Servers the loan added leave; servers it removed or
     * killed start again under their own ids (a replacement would take a new one, and the assignment hash
     * places a node by id); the ring is switched in one step, so no one sees a ring in between. Replacements
     * owed or starting are dropped: the lineup's servers are all there again. When the backend will not start
     * them again (an engine gone), the rest is still given back and those servers are owed replacements, as
     * dead ones are, so the cluster heals to the lineup's size once the backend answers.
     */
    public void restore(Lineup lineup) {
        RingSnapshot wanted = lineup.ring();
        List<Member> extra = new ArrayList<>();
        List<Member> restarted = new ArrayList<>();
        List<Server> missing = new ArrayList<>();
        RingSnapshot before;
        RingSnapshot interim;
        // a server killed but not yet declared dead would be replaced under a new id later: it starts again now
        Set<Server> gone = new HashSet<>();
        for (Member member : members()) {
            if (member.state() == MemberState.UP && wanted.contains(member.server()) && !isFrozen(member.server())
                    && !answers(member.replica())) {
                gone.add(member.server());
            }
        }
        synchronized (lock) {
            checkOpen();
            checkOwned();
            if (gone.isEmpty() && owed.isEmpty() && unchangedSince(wanted)) {
                // a run that changed nothing (A-1 on the window's own servers): no ring change to announce
                nextId = lineup.nextId();
                takeBackHeld(lineup);
                return;
            }
            owed.clear();
            for (Member member : List.copyOf(members.values())) {
                Server server = member.server();
                boolean wantedHere = wanted.servers().stream().anyMatch(s -> s.equals(server) && s.weight() == server.weight());
                if (wantedHere && member.state() == MemberState.UP && !gone.contains(server)) {
                    continue;
                }
                if (member.state() != MemberState.UP) {
                    members.remove(server); // dead, or a replacement starting: replace() stops what it started
                } else if (wanted.servers().stream().anyMatch(s -> s.name().equals(server.name()) || s.id() == server.id())) {
                    restarted.add(member); // the same name must stop before it starts again
                    members.remove(server);
                } else {
                    extra.add(member); // serves on until the switch
                }
            }
            for (Server server : wanted.servers()) {
                if (!members.containsKey(server)) {
                    missing.add(server);
                    members.put(server, new Member(server, null, MemberState.STARTING));
                }
            }
            before = ring();
            interim = before;
            for (Member member : restarted) {
                if (interim.contains(member.server())) {
                    interim = interim.withoutServer(member.server());
                }
            }
            if (interim != before) {
                publishTopology(interim);
            }
        }
        if (interim != before) {
            publishRingChange(before, interim);
        }
        restarted.forEach(member -> stopQuietly(member.replica()));
        List<Replica> started = List.of();
        List<Server> failed = List.of();
        try {
            started = missing.isEmpty() ? List.of() : startPlanned(missing, "could not start " + missing + " again");
        } catch (ClusterException backendRefused) {
            // said as BackendFailed; the lineup's size still stands: what would not start is owed, as a death is
            failed = missing;
        }
        RingSnapshot after;
        List<Member> joined = new ArrayList<>();
        synchronized (lock) {
            for (Server server : failed) {
                members.put(server, new Member(server, null, replaceDead ? MemberState.REPLACING : MemberState.DEAD));
                owed.addLast(new Owed(server, 0, 0).failedOnce());
            }
            for (Replica replica : started) {
                Member member = new Member(replica.server(), replica, MemberState.UP);
                members.put(replica.server(), member);
                joined.add(member);
            }
            extra.forEach(member -> members.remove(member.server()));
            // the servers table lists members in join order: the lineup's, as before the loan
            Map<Server, Member> inJoinOrder = new LinkedHashMap<>();
            wanted.servers().forEach(server -> inJoinOrder.put(server, members.get(server)));
            inJoinOrder.putAll(members);
            members.clear();
            members.putAll(inJoinOrder);
            Set<Server> fresh = new HashSet<>(missing);
            frozen.removeIf(server -> fresh.contains(server) || !members.containsKey(server));
            faults.keySet().removeIf(server -> fresh.contains(server) || !members.containsKey(server));
            interim = ring();
            after = interim.backTo(wanted);
            for (Server server : failed) {
                after = after.withoutServer(server);
            }
            publishTopology(after);
            nextId = lineup.nextId();
            takeBackHeld(lineup);
        }
        joined.forEach(member -> publish(new ClusterEvent.MemberUp(clock.instant(), member, null)));
        failed.forEach(server -> publish(new ClusterEvent.MemberDead(clock.instant(), server, "could not start again")));
        publishRingChange(interim, after);
        for (Member member : extra) {
            stopQuietly(member.replica());
            publish(new ClusterEvent.MemberRemoved(clock.instant(), member.server()));
        }
        if (!failed.isEmpty() || !lineup.held().isEmpty()) {
            kick(0);
        }
    }

    /** Under the lock: the same servers, all up, on the very ring of {@code wanted}. */
    private boolean unchangedSince(RingSnapshot wanted) {
        return members.size() == wanted.size()
                && members.values().stream().allMatch(member -> member.state() == MemberState.UP)
                // Server's equality leaves its weight out: the same server with another weight is a change
                && wanted.servers().stream().allMatch(server -> members.keySet().stream()
                        .anyMatch(own -> own.equals(server) && own.weight() == server.weight()))
                && ring().samePlacementAs(wanted);
    }

    /** Whether a replica still runs and answers its heartbeat; off the lock, a heartbeat takes a moment. */
    private boolean answers(Replica replica) {
        try {
            return backend.ended(replica).isEmpty() && backend.heartbeat(replica);
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** Stops every replica the cluster started. */
    @Override
    public void close() {
        List<Member> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(members.values());
        }
        controller.shutdownNow();
        starters.shutdownNow();
        stopFollowingDeaths();
        stopSideBySide(all.stream().map(Member::replica).filter(r -> r != null).toList());
        backend.close();
    }

    /**
     * Stops replicas side by side and returns when all have stopped. One after the other, their stops
     * added up at the end of every run: three containers took the engine 0.2-1.7 s each to stop and
     * remove (docs/performance.md).
     */
    private void stopSideBySide(List<Replica> running) {
        if (running.size() <= 1) {
            running.forEach(this::stopQuietly);
            return;
        }
        ExecutorService stoppers = Executors.newFixedThreadPool(Math.min(running.size(), MAX_PARALLEL_STOPS),
                daemon("ringlab-stopper"));
        try {
            CompletableFuture.allOf(running.stream()
                    .map(replica -> CompletableFuture.runAsync(() -> stopQuietly(replica), stoppers))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            stoppers.shutdown();
        }
    }

    /** One turn of the controller loop: starts a replacement for every owed server whose backoff is over. */
    private void reconcile() {
        List<Attempt> launch = new ArrayList<>();
        long now = System.nanoTime();
        long nextDue = Long.MAX_VALUE;
        synchronized (lock) {
            if (closed || !replaceDead) {
                return;
            }
            dropOwedBeyondDesired();
            for (int i = owed.size(); i > 0; i--) {
                Owed next = owed.pollFirst();
                if (next.notBefore() - now > 0) {
                    owed.addLast(next);
                    nextDue = Math.min(nextDue, next.notBefore() - now);
                    continue;
                }
                int id = nextFreeId();
                nextId = id + 1;
                // A replacement has the capacity of the server it replaces.
                Server replacement = new Server(id, Server.defaultName(id), next.dead().weight());
                members.put(replacement, new Member(replacement, null, MemberState.STARTING));
                Member dead = members.get(next.dead());
                if (dead != null && dead.state() == MemberState.DEAD) {
                    members.put(next.dead(), dead.withState(MemberState.REPLACING));
                }
                replacing++;
                launch.add(new Attempt(next, replacement));
            }
        }
        for (Attempt attempt : launch) {
            publish(new ClusterEvent.MemberStarting(clock.instant(), attempt.replacement(), attempt.owed().dead()));
            submitQuietly(() -> replace(attempt));
        }
        if (nextDue != Long.MAX_VALUE) {
            kick(nextDue);
        }
    }

    /**
     * Servers the cluster no longer owes: the user removed servers while others were dead, so fewer
     * replacements bring it to its size. The newest debts go first; their dead rows leave the table.
     */
    private void dropOwedBeyondDesired() {
        long up = members.values().stream().filter(m -> m.state() == MemberState.UP).count();
        while (!owed.isEmpty() && up + replacing + owed.size() > desired) {
            Owed dropped = owed.pollLast();
            members.remove(dropped.dead());
        }
    }

    /** Starts one replacement; on failure cleans up what it started and owes the dead server again, later. */
    private void replace(Attempt attempt) {
        Server replacement = attempt.replacement();
        Server dead = attempt.owed().dead();
        Replica replica = null;
        try {
            replica = backend.start(replacement);
            awaitFirstHeartbeat(replica);
        } catch (RuntimeException failure) {
            stopQuietly(replica);
            retryLater(attempt, failure);
            return;
        }
        RingSnapshot before;
        RingSnapshot after;
        Member joined = new Member(replacement, replica, MemberState.UP);
        boolean recovered;
        synchronized (lock) {
            replacing--;
            if (closed || !members.containsKey(replacement)) {
                joined = null;
                before = null;
                after = null;
            } else {
                members.remove(dead);
                members.put(replacement, joined);
                before = ring();
                after = before.withServer(replacement);
                publishTopology(after);
            }
            recovered = backendDown;
            backendDown = false;
        }
        if (joined == null) {
            stopQuietly(replica);
            return;
        }
        if (recovered) {
            publish(new ClusterEvent.BackendRecovered(clock.instant(), "the " + backend.kind().label()
                    + " backend answers again; replacements go on"));
        }
        publish(new ClusterEvent.MemberUp(clock.instant(), joined, dead));
        publishRingChange(before, after);
        kick(0);
    }

    private void retryLater(Attempt attempt, RuntimeException failure) {
        Owed again = attempt.owed().failedOnce();
        Duration wait = Duration.ofNanos(again.notBefore() - System.nanoTime());
        boolean answers = backendAnswers();
        boolean sayBackendDown;
        synchronized (lock) {
            replacing--;
            members.remove(attempt.replacement());
            if (closed) {
                return;
            }
            owed.addLast(again);
            sayBackendDown = !answers && !backendDown;
            backendDown = !answers;
        }
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (sayBackendDown) {
            publish(new ClusterEvent.BackendFailed(clock.instant(), "the " + backend.kind().label()
                    + " backend does not answer (" + reason + "); replacements wait and retry, at most every "
                    + RETRY_CAP.toSeconds() + " s, until it does"));
        } else if (answers) {
            publish(new ClusterEvent.ReplacementFailed(clock.instant(), attempt.replacement(), attempt.owed().dead(),
                    reason, again.failures(), wait));
        } else {
            LOG.debug("replacement of {} failed again while the backend does not answer: {}",
                    attempt.owed().dead(), reason);
        }
        kick(wait.toNanos());
    }

    private boolean backendAnswers() {
        try {
            return backend.answers();
        } catch (RuntimeException failure) {
            return false;
        }
    }

    /** Runs the controller loop now or after {@code delayNanos}; does nothing once closed. */
    private void kick(long delayNanos) {
        try {
            controller.schedule(this::reconcileSafely, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // closed: nothing more to reconcile
        }
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException failure) {
            LOG.warn("reconciling the cluster failed: {}", failure.toString());
        }
    }

    private void submitQuietly(Runnable task) {
        try {
            starters.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // closed: close() stops what is left
        }
    }

    /**
     * A dead server the cluster owes a replacement for.
     *
     * @param failures  attempts to replace it that failed so far
     * @param notBefore {@link System#nanoTime()} before which no new attempt starts
     */
    private record Owed(Server dead, int failures, long notBefore) {

        /** The same debt after one more failure: the wait doubles from {@link #RETRY_FIRST} up to {@link #RETRY_CAP}, with jitter so that many retries do not move in step. */
        Owed failedOnce() {
            int failed = failures + 1;
            long wait = Math.min(RETRY_CAP.toNanos(), RETRY_FIRST.toNanos() << Math.min(failed - 1, 20));
            long jittered = (long) (wait * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            return new Owed(dead, failed, System.nanoTime() + Math.min(jittered, RETRY_CAP.toNanos()));
        }
    }

    private record Attempt(Owed owed, Server replacement) {
    }

    /** Publishes {@code next} with the replicas of the members that are up, in one volatile write; under the lock. */
    private void publishTopology(RingSnapshot next) {
        Map<Server, Replica> up = new java.util.HashMap<>();
        members.values().stream().filter(m -> m.state() == MemberState.UP)
                .forEach(m -> up.put(m.server(), m.replica()));
        topology = new Topology(next, up);
    }

    /**
     * Generated names count on from the highest id in use: a cluster shaped to Server 1..N for a lesson names
     * its next server Server N+1, as a fresh lab does (the replacement a lesson's caption speaks of). Ids
     * stay unique: none in use is given again.
     */
    public void countIdsOnFromHighest() {
        synchronized (lock) {
            nextId = members.keySet().stream().mapToInt(Server::id).max().orElse(0) + 1;
        }
    }

    /** The next id whose generated name is not taken by a given hostname. */
    private int nextFreeId() {
        Set<String> taken = new HashSet<>();
        members.keySet().forEach(server -> taken.add(server.name()));
        while (taken.contains(Server.defaultName(nextId))) {
            nextId++;
        }
        return nextId;
    }

    private void join(Collection<Replica> replicas, Server replaces, int wanted) {
        RingSnapshot before;
        RingSnapshot after;
        List<Member> joined = new ArrayList<>();
        synchronized (lock) {
            desired += wanted;
            before = ring();
            after = before;
            for (Replica replica : replicas) {
                after = after.withServer(replica.server());
                Member member = new Member(replica.server(), replica, MemberState.UP);
                members.put(replica.server(), member);
                joined.add(member);
            }
            publishTopology(after);
        }
        joined.forEach(member -> publish(new ClusterEvent.MemberUp(clock.instant(), member, replaces)));
        publishRingChange(before, after);
    }

    /**
     * Starts the replicas side by side: a process or container takes a few hundred milliseconds to come
     * up, and one after the other would make {@code add(6)} take seconds. Every replica that did start
     * is in {@code started} even when another failed, so the caller can stop them.
     */
    private void startAll(List<Server> planned, List<Replica> started) {
        if (planned.size() == 1) {
            started.add(backend.start(planned.get(0)));
            return;
        }
        List<CompletableFuture<Replica>> starting = planned.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> backend.start(server), starters))
                .toList();
        RuntimeException first = null;
        for (CompletableFuture<Replica> replica : starting) {
            try {
                started.add(replica.join());
            } catch (CompletionException failure) {
                if (first == null) {
                    first = failure.getCause() instanceof RuntimeException cause ? cause
                            : new BackendException(String.valueOf(failure.getCause()), failure.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void awaitFirstHeartbeat(Replica replica) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!backend.heartbeat(replica)) {
            Optional<String> ended = backend.ended(replica);
            if (ended.isPresent()) {
                throw new BackendException("the replica of " + replica.server() + " " + ended.get() + " while starting");
            }
            if (closed) {
                throw new BackendException("the cluster shut down while " + replica.server() + " was starting");
            }
            if (System.nanoTime() > deadline) {
                throw new BackendException(replica.server() + " did not answer its first heartbeat within "
                        + startTimeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while waiting for " + replica.server());
            }
        }
    }

    private void stopQuietly(Replica replica) {
        if (replica == null) {
            return;
        }
        try {
            backend.stop(replica);
        } catch (RuntimeException failure) {
            LOG.warn("could not stop {}: {}", replica.server(), failure.getMessage());
        }
    }

    private void publishRingChange(RingSnapshot before, RingSnapshot after) {
        publish(new ClusterEvent.RingChanged(clock.instant(), before, after,
                before.config().slots() == after.config().slots() ? before.migrationTo(after) : null));
    }

    private void publish(ClusterEvent event) {
        for (Consumer<ClusterEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException failure) {
                LOG.warn("event listener failed on {}: {}", event.describe(), failure.toString());
            }
        }
    }

    /** A balancer that follows another's membership changes none of it. */
    private void checkOwned() {
        backend.membershipOwnedElsewhere().ifPresent(why -> {
            throw new ClusterException(why);
        });
    }

    private void checkOpen() {
        if (closed) {
            throw new ClusterException("the cluster is shut down");
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
