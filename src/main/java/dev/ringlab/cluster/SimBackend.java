package dev.ringlab.cluster;

import dev.ringlab.replica.ReplicaServer;
import dev.ringlab.ring.Server;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replicas that live in memory and answer at once: the ring, the balancer logic and every
 * experiment run the same way without a network.
 */
public final class SimBackend implements Backend {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] FAULTY = "{\"message\":\"injected fault\",\"status\":\"failure\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Map<String, SimReplica> replicas = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private final Clock clock;
    private final long heartbeatTimeoutMillis;
    private final ReplicaClient client = new ReplicaClient() {
        @Override
        public ReplicaReply get(Replica replica, String pathAndQuery) throws ReplicaUnreachableException {
            return answer(replica, pathAndQuery, -1);
        }

        @Override
        public ReplicaReply get(Replica replica, String pathAndQuery, long timeoutMillis)
                throws ReplicaUnreachableException {
            return answer(replica, pathAndQuery, timeoutMillis);
        }
    };

    public SimBackend() {
        this(Clock.systemUTC());
    }

    public SimBackend(Clock clock) {
        this(clock, Duration.ZERO);
    }

    /**
     * @param heartbeatTimeout how long a heartbeat waits for a frozen replica to be thawed, as a real
     *                         heartbeat waits for a stopped process (zero: a frozen replica misses at once,
     *                         which steps through health checks without waiting)
     */
    public SimBackend(Clock clock, Duration heartbeatTimeout) {
        this.clock = clock;
        this.heartbeatTimeoutMillis = heartbeatTimeout.toMillis();
    }

    /** Heartbeats that wait for a frozen replica as long as a process's would (a freeze shorter than that is no miss). */
    public static SimBackend withRealHeartbeats(Duration interval) {
        return new SimBackend(Clock.systemUTC(), HttpReplicaClient.heartbeatTimeout(interval));
    }

    @Override
    public boolean heartbeat(Replica replica) {
        try {
            return answer(replica, "/heartbeat", heartbeatTimeoutMillis).status() == 200;
        } catch (ReplicaUnreachableException unreachable) {
            return false;
        }
    }

    @Override
    public BackendKind kind() {
        return BackendKind.SIM;
    }

    @Override
    public Replica start(Server server) {
        Replica replica = new Replica(server, "sim-" + handles.incrementAndGet(), null, clock.instant());
        replicas.put(replica.backendId(), new SimReplica(replica, homeBody(server)));
        return replica;
    }

    @Override
    public void stop(Replica replica) {
        replicas.remove(replica.backendId());
    }

    @Override
    public void kill(Replica replica) {
        SimReplica sim = replicas.get(replica.backendId());
        if (sim != null) {
            sim.alive = false;
        }
    }

    /**
     * A frozen simulated replica does not answer. A caller without a timeout is told at once; one with
     * a per-try timeout (the dispatcher's) waits it out first, as it would for a real frozen process,
     * so gray-failure lessons cost the same time on the simulation.
     */
    @Override
    public void freeze(Replica replica) {
        sim(replica).frozen = true;
    }

    @Override
    public void thaw(Replica replica) {
        sim(replica).frozen = false;
    }

    @Override
    public void fault(Replica replica, Fault fault) {
        sim(replica).fault = fault;
    }

    private SimReplica sim(Replica replica) {
        SimReplica sim = replicas.get(replica.backendId());
        if (sim == null) {
            throw new BackendException("no simulated replica of " + replica.server());
        }
        return sim;
    }

    @Override
    public List<Replica> list() {
        return replicas.values().stream().map(sim -> sim.replica).toList();
    }

    @Override
    public ReplicaClient client() {
        return client;
    }

    @Override
    public void close() {
        replicas.clear();
    }

    private ReplicaReply answer(Replica replica, String pathAndQuery, long timeoutMillis)
            throws ReplicaUnreachableException {
        SimReplica sim = replicas.get(replica.backendId());
        if (sim == null || !sim.alive) {
            throw new ReplicaUnreachableException(replica.server().name() + " does not answer");
        }
        if (sim.frozen && (timeoutMillis <= 0 || !thawedWithin(sim, timeoutMillis))) {
            throw new ReplicaUnreachableException(replica.server().name() + " does not answer"
                    + (timeoutMillis > 0 ? " within " + timeoutMillis + " ms" : ""));
        }
        String path = pathOf(pathAndQuery);
        return switch (path) {
            case "/home" -> home(sim, timeoutMillis);
            case "/heartbeat" -> new ReplicaReply(200, ReplicaReply.JSON, EMPTY);
            default -> new ReplicaReply(404, ReplicaReply.JSON, EMPTY);
        };
    }

    /** {@code /home} with the injected fault, as the replica server applies it: the delay first, then maybe an error. */
    private static ReplicaReply home(SimReplica sim, long timeoutMillis) throws ReplicaUnreachableException {
        Fault fault = sim.fault;
        if (timeoutMillis > 0 && fault.latencyMs() > timeoutMillis) {
            pause(sim, timeoutMillis);
            throw new ReplicaUnreachableException(sim.replica.server().name() + " did not answer within "
                    + timeoutMillis + " ms");
        }
        if (fault.latencyMs() > 0) {
            pause(sim, fault.latencyMs());
        }
        if (fault.errorRate() > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            return new ReplicaReply(500, ReplicaReply.JSON, FAULTY);
        }
        return new ReplicaReply(200, ReplicaReply.JSON, sim.homeBody);
    }

    /** Waits, as a request to a stopped process does, until the replica is thawed (true) or the time is up. */
    private static boolean thawedWithin(SimReplica sim, long millis) throws ReplicaUnreachableException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        while (sim.frozen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            pause(sim, Math.max(1, Math.min(5, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return sim.alive;
    }

    private static void pause(SimReplica sim, long millis) throws ReplicaUnreachableException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReplicaUnreachableException(sim.replica.server().name() + " was interrupted");
        }
    }

    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static byte[] homeBody(Server server) {
        return ReplicaServer.homeBody(server.name());
    }

    private static final class SimReplica {
        final Replica replica;
        final byte[] homeBody;
        volatile boolean alive = true;
        volatile boolean frozen;
        volatile Fault fault = Fault.NONE;

        SimReplica(Replica replica, byte[] homeBody) {
            this.replica = replica;
            this.homeBody = homeBody;
        }
    }
}
