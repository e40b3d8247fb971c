package dev.ringlab.cluster;

import dev.ringlab.replica.ReplicaServer;
import dev.ringlab.ring.Server;
import java.time.Clock;
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
    private final ReplicaClient client = this::answer;

    public SimBackend() {
        this(Clock.systemUTC());
    }

    public SimBackend(Clock clock) {
        this.clock = clock;
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

    /** A frozen simulated replica does not answer; the simulation does not wait out a timeout for it. */
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

    private ReplicaReply answer(Replica replica, String pathAndQuery) throws ReplicaUnreachableException {
        SimReplica sim = replicas.get(replica.backendId());
        if (sim == null || !sim.alive || sim.frozen) {
            throw new ReplicaUnreachableException(replica.server().name() + " does not answer");
        }
        String path = pathOf(pathAndQuery);
        return switch (path) {
            case "/home" -> home(sim);
            case "/heartbeat" -> new ReplicaReply(200, ReplicaReply.JSON, EMPTY);
            default -> new ReplicaReply(404, ReplicaReply.JSON, EMPTY);
        };
    }

    /** {@code /home} with the injected fault, as the replica server applies it: the delay first, then maybe an error. */
    private static ReplicaReply home(SimReplica sim) throws ReplicaUnreachableException {
        Fault fault = sim.fault;
        if (fault.latencyMs() > 0) {
            try {
                Thread.sleep(fault.latencyMs());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ReplicaUnreachableException(sim.replica.server().name() + " was interrupted");
            }
        }
        if (fault.errorRate() > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            return new ReplicaReply(500, ReplicaReply.JSON, FAULTY);
        }
        return new ReplicaReply(200, ReplicaReply.JSON, sim.homeBody);
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
