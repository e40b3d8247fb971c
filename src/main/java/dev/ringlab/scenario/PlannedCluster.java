package dev.ringlab.scenario;

import dev.ringlab.ring.RingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servers the steps so far leave on the ring, named as the cluster names them ("Server N", N
 * counting up from 1, a killed server's replacement taking the next N, or under a hold the next N at
 * the release; a server added under a name of its own takes an id too, as the cluster gives it one), so a
 * step that names a server can be checked before anything runs.
 */
final class PlannedCluster {
    final List<String> names = new ArrayList<>();
    final Set<String> killed = new HashSet<>();
    /** Frozen by a step and not yet thawed, cleared or waited for (then it counts as dead). */
    final Set<String> frozen = new LinkedHashSet<>();
    /** The servers whose weight is not 1, by name. */
    private final Map<String, Integer> weights = new HashMap<>();
    /** Whether a step holds the replacement of dead servers and none has released it since. */
    boolean held;
    /** Servers killed while held: their replacements are named at the release, when the cluster starts them. */
    int owed;
    RingConfig ring;
    int nextId = 1;

    PlannedCluster(int servers, RingConfig ring) {
        this.ring = ring;
        add(servers);
    }

    /** How many more units of weight fit: each takes the ring's virtual nodes per server. */
    int room() {
        return ring.maxServers() - weight();
    }

    /** The servers' total weight: their count when every one weighs 1. */
    int weight() {
        return names.stream().mapToInt(name -> weights.getOrDefault(name, 1)).sum();
    }

    void add(int count) {
        for (int i = 0; i < count; i++) {
            names.add("Server " + nextId++);
        }
    }

    /** One server joining: {@code name} null for a generated one, which the cluster names by its id. */
    String add(String name, int weight) {
        String joined = name == null ? "Server " + nextId : name;
        nextId++;
        names.add(joined);
        if (weight != 1) {
            weights.put(joined, weight);
        }
        return joined;
    }

    void removeNewest(int count) {
        List<String> newest = names.subList(names.size() - count, names.size());
        frozen.removeAll(newest);
        newest.forEach(weights::remove);
        newest.clear();
    }

    void remove(String server) {
        names.remove(server);
        frozen.remove(server);
        weights.remove(server);
    }

    void kill(String server) {
        frozen.remove(server);
        names.remove(server);
        weights.remove(server);
        killed.add(server);
        if (held) {
            owed++; // the cluster numbers a replacement when it starts it, so a server added meanwhile comes first
        } else {
            add(1);
        }
    }

    void hold(boolean hold) {
        held = hold;
        if (!hold) {
            add(owed);
            owed = 0;
        }
    }

    String known(Fields.Where where, YamlNode node, String name) {
        if (!names.contains(name)) {
            throw where.error(node.line(), "unknown server '" + name + "' (" + describe() + ")");
        }
        return name;
    }

    String describe() {
        return "servers then: " + String.join(", ", names) + "; the ring has room for " + ring.maxServers();
    }

    /** "3 servers", or "3 servers of total weight 5" when some weigh more than 1. */
    String describeWeight() {
        int weight = weight();
        return names.size() + " servers" + (weight == names.size() ? "" : " of total weight " + weight);
    }
}
