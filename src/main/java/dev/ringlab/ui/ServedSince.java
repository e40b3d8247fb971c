package dev.ringlab.ui;

import dev.ringlab.ring.Server;
import java.util.HashMap;
import java.util.Map;

/**
 * The "Served" column's figure for a server: the route counts requests by name, so a server added under
 * the name of one that left would show the old one's count. Each server counts from the route's figure
 * when the server holding its name (by id) first showed; one restarted under its own id keeps its count.
 */
final class ServedSince {

    private record Start(int id, long count) {
    }

    private final Map<String, Start> starts = new HashMap<>();

    /** What {@code server} served, given the route's count for its name now. */
    long served(Server server, long routeCount) {
        Start start = starts.get(server.name());
        if (start == null || start.id() != server.id()) {
            start = new Start(server.id(), start == null ? 0 : routeCount);
            starts.put(server.name(), start);
        }
        return routeCount - start.count();
    }
}
