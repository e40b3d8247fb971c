package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.cluster.ReplicaUnreachableException;

/**
 * Sends a request from this process (the window, the in-process experiments) the way the HTTP
 * balancer forwards one: along a {@link FailoverRoute}, the placement's choice first and its next
 * choices while a replica does not answer, so a crashed replica costs the caller nothing while the
 * health monitor catches up. Each try waits at most the route's per-try timeout, and passive health
 * judges every answer, as on the HTTP balancer. It blocks on the {@link ReplicaClient}; the balancer's event loops do not.
 */
public final class Dispatcher {

    private final FailoverRoute route;
    private final ReplicaClient client;

    public Dispatcher(Cluster cluster, ReplicaClient client) {
        this(FailoverRoute.ring(cluster), client);
    }

    public Dispatcher(Cluster cluster, ReplicaClient client, LivePlacement placement) {
        this(new FailoverRoute(cluster, placement), client);
    }

    /** Sends along {@code route}: give the HTTP balancer the same route and both count in one place. */
    public Dispatcher(FailoverRoute route, ReplicaClient client) {
        this.route = route;
        this.client = client;
    }

    /** The placement requests are routed by; switch algorithms through it. */
    public LivePlacement placement() {
        return route.placement();
    }

    /** The route requests take, with the one count of what it served. */
    public FailoverRoute route() {
        return route;
    }

    public Dispatch dispatch(long key, String pathAndQuery) {
        RouteAttempt attempt = new RouteAttempt(route, key);
        int slot = attempt.table.ring().slotOf(key);
        // Failing over is a plain branch, not a catch block, so that the JIT keeps the attempt on the
        // stack while replicas answer (the common case): this path then allocates no more than before.
        long tryTimeout = route.tryTimeoutMillis();
        for (Replica replica = attempt.first(slot); replica != null; replica = attempt.next()) {
            ReplicaReply reply = answerOf(replica, pathAndQuery, tryTimeout);
            // Passive health judges in-process requests as it judges the HTTP balancer's (Forwarding).
            attempt.judge(reply != null && reply.status() < 500);
            if (reply != null) {
                attempt.answered(-1);
                return new Dispatch(key, slot, attempt.server(), reply, attempt.attempts(),
                        attempt.table.placement().algorithm());
            }
        }
        attempt.failed(-1);
        return new Dispatch(key, slot, null, null, attempt.attempts(), attempt.table.placement().algorithm());
    }

    /** The replica's reply, or null when it did not answer. */
    private ReplicaReply answerOf(Replica replica, String pathAndQuery, long tryTimeoutMillis) {
        try {
            return client.get(replica, pathAndQuery, tryTimeoutMillis);
        } catch (ReplicaUnreachableException unreachable) {
            return null;
        }
    }
}
