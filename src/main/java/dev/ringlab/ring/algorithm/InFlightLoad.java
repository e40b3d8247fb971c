package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.Server;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests in flight per server, shared by a bounded-loads placement and all the placements that
 * membership changes derive from it, so a request acquired on one and released after a change is
 * still counted right. Choosing a server and counting the request happen under one lock: that is
 * what keeps the bound true under concurrent traffic.
 */
public final class InFlightLoad {

    private final Map<Server, Integer> perServer = new HashMap<>();
    private long total;

    /** Requests in flight on {@code server}. */
    public synchronized int of(Server server) {
        return perServer.getOrDefault(server, 0);
    }

    /** Requests in flight in all. */
    public synchronized long total() {
        return total;
    }

    public synchronized Map<Server, Integer> snapshot() {
        return new LinkedHashMap<>(perServer);
    }

    synchronized void add(Server server) {
        perServer.merge(server, 1, Integer::sum);
        total++;
    }

    /** Ends one request on {@code server}; a release with nothing in flight is ignored, never negative. */
    public synchronized void release(Server server) {
        Integer current = perServer.get(server);
        if (current == null) {
            return;
        }
        if (current == 1) {
            perServer.remove(server);
        } else {
            perServer.put(server, current - 1);
        }
        total--;
    }
}
