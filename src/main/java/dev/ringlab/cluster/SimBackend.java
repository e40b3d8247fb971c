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
        if (sim == null || !sim.alive) {
            throw new ReplicaUnreachableException(replica.server().name() + " does not answer");
        }
        String path = pathOf(pathAndQuery);
        return switch (path) {
            case "/home" -> new ReplicaReply(200, ReplicaReply.JSON, sim.homeBody);
            case "/heartbeat" -> new ReplicaReply(200, ReplicaReply.JSON, EMPTY);
            default -> new ReplicaReply(404, ReplicaReply.JSON, EMPTY);
        };
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

        SimReplica(Replica replica, byte[] homeBody) {
            this.replica = replica;
            this.homeBody = homeBody;
        }
    }
}
