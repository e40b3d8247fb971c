package dev.ringlab.balancer;

import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's walk along a {@link FailoverRoute}, over the one {@link RoutingTable} it read:
 *
 * <ol>
 *   <li>{@link #first} asks the placement for the key's server, which counts the request as in flight
 *       on it (bounded loads balances that count);</li>
 *   <li>each {@link #next} is the placement's next choice after the servers tried, skipping servers
 *       without a replica; the chosen server's in-flight count is released as soon as it answered or
 *       failed, because from then on it carries nothing of this request;</li>
 *   <li>{@link #answered} or {@link #failed} ends it: counted once in the route's metrics.</li>
 * </ol>
 *
 * An attempt is a server actually asked; a server without a replica is skipped, not counted. One
 * request, one thread at a time. {@link Forwarding} extends it so that a routed HTTP request stays one
 * object.
 */
class RouteAttempt {

    private final FailoverRoute route;
    /** The table this request walks; a newer one once the first is used up (see {@link #next}). */
    RoutingTable table;
    final long key;
    private Server chosen;
    /** The placement that counts {@link #chosen} in flight, released there even if the walk moved on to a newer table. */
    private Placement holder;
    private boolean holding;
    private List<Server> asked;
    private int refreshes;
    /** A request re-reads the membership at most this often, so churn cannot keep it walking. */
    private static final int MAX_REFRESHES = 2;
    private Server asking;
    private List<Server> order;
    private int nextInOrder;
    private int attempts;
    /** Some server was passed over as ejected; once the rest failed, those are asked too. */
    private boolean skippedEjected;
    private boolean lastResort;

    RouteAttempt(FailoverRoute route, long key) {
        this.route = route;
        this.table = route.table();
        this.key = key;
    }

    /**
     * The replica to ask first, or null when no server can be asked: the placement is empty
     * ({@link RoutingTable#isEmpty()}) or no server on it has a replica.
     *
     * @param slot the key's slot on the ring when the caller hashed it already, else -1
     */
    final Replica first(int slot) {
        if (table.isEmpty()) {
            return null;
        }
        chosen = table.acquire(key, slot);
        holder = table.placement();
        holding = true;
        Replica replica = table.replicaOf(chosen);
        if (replica == null) {
            return next();
        }
        if (route.passiveHealth().ejected(chosen)) {
            skippedEjected = true;
            return next();
        }
        return ask(chosen, replica);
    }

    /** The server asked last did not answer: the next one to ask, or null when none is left. */
    final Replica next() {
        release();
        if (asking != null) { // remember who failed, to skip them on a newer table
            if (asked == null) {
                asked = new ArrayList<>(4);
            }
            asked.add(asking);
        }
        if (order == null) {
            order = table.placement().preferenceOrder(key);
        }
        while (true) {
            while (nextInOrder < order.size()) {
                Server server = order.get(nextInOrder++);
                if (alreadyAsked(server)) {
                    continue;
                }
                if (!lastResort && route.passiveHealth().ejected(server)) {
                    skippedEjected = true;
                    continue;
                }
                Replica replica = table.replicaOf(server);
                if (replica != null) {
                    return ask(server, replica);
                }
            }
            // Every server not ejected failed: an ejected one may still answer, which beats an error
            // (Envoy's panic mode: with too few healthy hosts it routes to all of them).
            if (skippedEjected && !lastResort) {
                lastResort = true;
                nextInOrder = 0;
                continue;
            }
            // Used up: servers may have joined while this request was failing over (a replacement that
            // came up during a burst of kills). Like Envoy's retries, ask the current membership before
            // giving up, skipping every server already asked.
            RoutingTable current = route.table();
            if (current == table || current.isEmpty() || refreshes++ == MAX_REFRESHES) {
                asking = null;
                return null;
            }
            table = current;
            order = current.placement().preferenceOrder(key);
            nextInOrder = 0;
        }
    }

    private boolean alreadyAsked(Server server) {
        return asked != null && asked.contains(server);
    }

    /** What the server asked last did, for passive health: a 5xx or no answer is a failure. */
    final void judge(boolean healthy) {
        if (asking == null) {
            return;
        }
        if (healthy) {
            route.passiveHealth().succeeded(asking);
        } else {
            route.passiveHealth().failed(asking, table.placement().servers());
        }
    }

    /** The server asked last answered; {@code nanos} since the request arrived, or -1 to leave latency uncounted. */
    final void answered(long nanos) {
        release();
        route.metrics().recordDispatch(table.placement().algorithm(), asking, attempts, nanos);
    }

    /** No server answered (or none could be asked). */
    final void failed(long nanos) {
        release();
        route.metrics().recordDispatch(table.placement().algorithm(), null, attempts, nanos);
    }

    /** The server asked last: the one that answered, once {@link #answered} is due. */
    final Server server() {
        return asking;
    }

    final int attempts() {
        return attempts;
    }

    private Replica ask(Server server, Replica replica) {
        asking = server;
        attempts++;
        return replica;
    }

    private void release() {
        if (holding) {
            holding = false;
            holder.release(chosen);
        }
    }
}
