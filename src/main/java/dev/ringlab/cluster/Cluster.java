package dev.ringlab.cluster;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desired set of servers, their replicas and the ring they form. Membership changes are
 * serialised here and published as a new {@link RingSnapshot} with one volatile write; every change
 * is also an event. A request that cannot be carried out as asked throws {@link ClusterException}
 * and leaves the cluster as it was.
 */
public final class Cluster implements AutoCloseable {

    /** Hostnames become process and container names: letters, digits, '-', '_' and '.'. */
    public static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final Backend backend;
    private final Clock clock;
    private final Random random;
    private final Duration startTimeout;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService replacements = Executors.newSingleThreadExecutor(daemon("ringlab-replacer"));
    private final ExecutorService starters = Executors.newCachedThreadPool(daemon("ringlab-starter"));

    private final Object lock = new Object();
    private final Map<Server, Member> members = new LinkedHashMap<>();
    private volatile RingSnapshot ring;
    /** The replicas of the servers on the ring, for the hot path; rebuilt under the lock on every change. */
    private volatile Map<Server, Replica> replicas = Map.of();
    private volatile boolean replaceDead = true;
    /** The backend's own news of dead replicas (Docker events), quicker than missed heartbeats. */
    private final AutoCloseable deathWatch;
    private volatile boolean closed;
    private int nextId = 1;

    public Cluster(Backend backend, RingConfig config) {
        this(backend, config, new Random(), DEFAULT_START_TIMEOUT, Clock.systemUTC());
    }

    public Cluster(Backend backend, RingConfig config, Random random, Duration startTimeout, Clock clock) {
        this.backend = backend;
        this.ring = RingSnapshot.empty(config);
        this.random = random;
        this.startTimeout = startTimeout;
        this.clock = clock;
        this.deathWatch = backend.watchDeaths(this::replicaDied);
    }

    /** The current ring; hold on to it for a consistent view. */
    public RingSnapshot ring() {
        return ring;
    }

    /** The replica serving {@code server}, or null when it is not up: lock-free, for the hot path. */
    public Replica replicaOf(Server server) {
        return replicas.get(server);
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

    /** Whether dead servers are replaced automatically (on by default). */
    public void setReplaceDead(boolean replace) {
        this.replaceDead = replace;
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
        List<Server> planned;
        synchronized (lock) {
            checkOpen();
            checkOwned();
            int room = ring.config().maxServers() - members.size();
            if (n < 1) {
                throw new ClusterException("n must be at least 1, got " + n);
            }
            if (n > room) {
                throw new ClusterException("cannot add " + n + " servers: the ring has room for " + room
                        + " more (" + ring.config().slots() + " slots, " + ring.config().virtualNodesPerServer()
                        + " virtual nodes each)");
            }
            if (hostnames.size() > n) {
                throw new ClusterException("Length of hostname list is more than newly added instances");
            }
            Set<String> taken = new HashSet<>();
            members.keySet().forEach(server -> taken.add(server.name()));
            for (String name : hostnames) {
                checkHostname(name);
                if (!taken.add(name)) {
                    throw new ClusterException("hostname '" + name + "' is already in use");
                }
            }
            planned = new ArrayList<>();
            for (String name : hostnames) {
                planned.add(new Server(nextId++, name));
            }
            while (planned.size() < n) {
                int id = nextId++;
                String name = "Server " + id;
                if (taken.add(name)) {
                    planned.add(new Server(id, name));
                }
            }
            for (Server server : planned) {
                members.put(server, new Member(server, null, MemberState.STARTING));
            }
        }
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
            String message = "could not start " + planned + ": " + failure.getMessage();
            publish(new ClusterEvent.BackendFailed(clock.instant(), message));
            throw new ClusterException(message, failure);
        }
        join(started, null);
        return List.copyOf(planned);
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
            before = ring;
            after = before;
            for (Member member : leaving) {
                after = after.withoutServer(member.server());
                members.remove(member.server());
            }
            ring = after;
            refreshReplicas();
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
        join(List.of(replica), null);
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
            before = ring;
            after = before.contains(server) ? before.withoutServer(server) : before;
            ring = after;
            refreshReplicas();
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
     * Takes a server that stopped answering off the ring and, unless disabled, starts a replacement
     * under a new name. Safe to call more than once for the same server.
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
            before = ring;
            after = before.withoutServer(server);
            ring = after;
            refreshReplicas();
        }
        publish(new ClusterEvent.MemberDead(clock.instant(), server, reason));
        publishRingChange(before, after);
        if (replaceDead) {
            replacements.execute(() -> replace(dead));
        }
    }

    /** The backend saw this replica end; only the replica a server has now counts, not an old one. */
    private void replicaDied(Replica replica) {
        Member member;
        synchronized (lock) {
            member = members.get(replica.server());
        }
        if (member != null && replica.equals(member.replica())) {
            declareDead(replica.server(), "its " + backend.kind().label() + " replica ended");
        }
    }

    /** Rebuilds the ring with the same servers under a new configuration (hash, slots, virtual nodes); the configuration it already has changes nothing. */
    public void reconfigure(RingConfig config) {
        RingSnapshot before;
        RingSnapshot after;
        synchronized (lock) {
            List<Server> onRing = ring.servers();
            if (onRing.size() > config.maxServers()) {
                throw new ClusterException(onRing.size() + " servers do not fit on a ring of " + config.slots()
                        + " slots with " + config.virtualNodesPerServer() + " virtual nodes each");
            }
            if (ring.config().equals(config)) {
                return; // the same ring: no new version, nothing for listeners to redraw
            }
            before = ring;
            after = RingSnapshot.of(config, onRing);
            ring = after;
            refreshReplicas();
        }
        if (before.config().slots() == after.config().slots()) {
            publishRingChange(before, after);
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
        replacements.shutdownNow();
        starters.shutdownNow();
        try {
            deathWatch.close();
        } catch (Exception failure) {
            LOG.debug("closing the backend's death watch failed: {}", failure.toString());
        }
        all.stream().map(Member::replica).filter(r -> r != null).forEach(this::stopQuietly);
        backend.close();
    }

    private void replace(Member dead) {
        stopQuietly(dead.replica());
        Server replacement;
        synchronized (lock) {
            if (closed) {
                return;
            }
            int id = nextFreeId();
            nextId = id + 1;
            replacement = new Server(id, "Server " + id);
            members.put(replacement, new Member(replacement, null, MemberState.STARTING));
        }
        publish(new ClusterEvent.MemberStarting(clock.instant(), replacement, dead.server()));
        try {
            Replica replica = backend.start(replacement);
            awaitFirstHeartbeat(replica);
            synchronized (lock) {
                members.remove(dead.server());
            }
            join(List.of(replica), dead.server());
        } catch (RuntimeException failure) {
            synchronized (lock) {
                members.remove(replacement);
                members.put(dead.server(), dead.withState(MemberState.DEAD));
            }
            publish(new ClusterEvent.BackendFailed(clock.instant(),
                    "could not replace " + dead.server() + ": " + failure.getMessage()));
        }
    }

    private void refreshReplicas() {
        Map<Server, Replica> up = new java.util.HashMap<>();
        members.values().stream().filter(m -> m.state() == MemberState.UP)
                .forEach(m -> up.put(m.server(), m.replica()));
        replicas = Map.copyOf(up);
    }

    /** The next id whose generated name is not taken by a given hostname. */
    private int nextFreeId() {
        Set<String> taken = new HashSet<>();
        members.keySet().forEach(server -> taken.add(server.name()));
        while (taken.contains("Server " + nextId)) {
            nextId++;
        }
        return nextId;
    }

    private void join(Collection<Replica> replicas, Server replaces) {
        RingSnapshot before;
        RingSnapshot after;
        List<Member> joined = new ArrayList<>();
        synchronized (lock) {
            before = ring;
            after = before;
            for (Replica replica : replicas) {
                after = after.withServer(replica.server());
                Member member = new Member(replica.server(), replica, MemberState.UP);
                members.put(replica.server(), member);
                joined.add(member);
            }
            ring = after;
            refreshReplicas();
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
        publish(new ClusterEvent.RingChanged(clock.instant(), before, after, before.migrationTo(after)));
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

    private static void checkHostname(String name) {
        if (name == null || !HOSTNAME.matcher(name).matches()) {
            throw new ClusterException("invalid hostname '" + name
                    + "': use 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit");
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
